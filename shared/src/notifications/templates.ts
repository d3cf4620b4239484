/**
 * The message template library: one entry per message the house sends. WhatsApp sends the
 * provider's approved template by name with the variables in order ({{1}}, {{2}} …); email and
 * in-app render `body` (and `subject`) with the same variables.
 */
const TEMPLATE_CATEGORIES = ['utility', 'marketing', 'authentication'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export interface MessageTemplate {
  key: string;
  label: string;
  category: TemplateCategory;
  /** WhatsApp language code of the approved template. */
  language: string;
  /** Variables in the order the provider's template numbers them. */
  variables: readonly string[];
  /** The approved template's name at the provider (Meta / Interakt). */
  providerName: string;
  subject?: string;
  body: string;
  /**
   * Essential (transactional) messages still reach a contact who opted out of WhatsApp
   * messages: payment receipts and dues, sign-in links. Everything else is held back.
   */
  essential: boolean;
  /** Sample values for the preview. */
  sample: Record<string, string>;
}

const t = (m: MessageTemplate) => m;

export const TEMPLATES: readonly MessageTemplate[] = [
  t({
    key: 'password_reset',
    label: 'Password reset link',
    category: 'authentication',
    language: 'en',
    variables: ['name', 'link'],
    providerName: 'mandap_password_reset',
    subject: 'Reset your Mandap password',
    body: 'Hello {{name}}, reset your password with this link (valid for 1 hour): {{link}}',
    essential: true,
    sample: { name: 'Kavya', link: 'https://mandap.example/reset-password?token=…' },
  }),
  t({
    key: 'invite',
    label: 'Staff invitation',
    category: 'utility',
    language: 'en',
    variables: ['name', 'link'],
    providerName: 'mandap_invite',
    subject: 'You are invited to Mandap',
    body: 'Hello {{name}}, you have been invited to Mandap. Set your password here (valid for 7 days): {{link}}',
    essential: true,
    sample: { name: 'Rohan', link: 'https://mandap.example/accept-invite?token=…' },
  }),
  t({
    key: 'client_sign_in',
    label: 'Client sign-in link',
    category: 'authentication',
    language: 'en',
    variables: ['name', 'link'],
    providerName: 'mandap_client_sign_in',
    subject: 'Your link to your event page',
    body: 'Namaste {{name}}, open your event page with this link. It works once, for 1 hour: {{link}}',
    essential: true,
    sample: { name: 'Ananya', link: 'https://mandap.example/m/…' },
  }),
  t({
    key: 'lead_acknowledgement',
    label: 'Lead acknowledgement',
    category: 'utility',
    language: 'en',
    variables: ['name', 'leadCode'],
    providerName: 'lead_acknowledgement',
    subject: 'Thank you for your enquiry',
    body: 'Namaste {{name}}, thank you for your enquiry with Gulmohar Events (ref {{leadCode}}). Our team will call you shortly. Reply STOP to stop WhatsApp updates, START to resume.',
    essential: false,
    sample: { name: 'Ananya Sharma', leadCode: 'LD-2026-0042' },
  }),
  t({
    key: 'call_follow_up',
    label: 'After the call',
    category: 'utility',
    language: 'en',
    variables: ['name', 'notes'],
    providerName: 'call_follow_up',
    subject: 'Following up on our call',
    body: 'Namaste {{name}}, thank you for your time on the call. As discussed: {{notes}}',
    essential: false,
    sample: {
      name: 'Ananya Sharma',
      notes: 'sangeet for 250 guests on 14/02, budget ₹18 lakh, venue shortlist by Friday',
    },
  }),
  t({
    key: 'quote_shared',
    label: 'Quote shared',
    category: 'utility',
    language: 'en',
    variables: ['name', 'quoteCode', 'link'],
    providerName: 'quote_shared',
    subject: 'Your quotation {{quoteCode}}',
    body: 'Namaste {{name}}, your quotation {{quoteCode}} is ready. View, download the PDF and accept it here: {{link}}',
    essential: false,
    sample: { name: 'Ananya Sharma', quoteCode: 'QT/2026-27/0007', link: 'https://mandap.example/q/…' },
  }),
  t({
    key: 'quote_accepted_client',
    label: 'Quote accepted (to the client)',
    category: 'utility',
    language: 'en',
    variables: ['name', 'quoteCode'],
    providerName: 'quote_accepted',
    subject: 'Quotation {{quoteCode}} accepted',
    body: 'Thank you {{name}}, we have your acceptance of quotation {{quoteCode}}. The payment plan follows shortly.',
    essential: false,
    sample: { name: 'Ananya Sharma', quoteCode: 'QT/2026-27/0007' },
  }),
  t({
    key: 'booking_confirmed',
    label: 'Booking confirmed',
    category: 'utility',
    language: 'en',
    variables: ['name', 'eventName', 'eventDate'],
    providerName: 'booking_confirmed',
    subject: 'Your booking is confirmed',
    body: 'Namaste {{name}}, your booking for {{eventName}} on {{eventDate}} is confirmed. Welcome to Gulmohar Events!',
    essential: true,
    sample: { name: 'Ananya Sharma', eventName: 'Sharma–Mehta Sangeet', eventDate: '14/02/2027' },
  }),
  t({
    key: 'payment_link',
    label: 'Payment link for a milestone',
    category: 'utility',
    language: 'en',
    variables: ['name', 'milestone', 'amount', 'link'],
    providerName: 'payment_link',
    subject: 'Payment link: {{milestone}}',
    body: 'Namaste {{name}}, here is the payment link for {{milestone}} ({{amount}}): {{link}}',
    essential: true,
    sample: { name: 'Ananya Sharma', milestone: 'Advance', amount: '₹5,40,000.00', link: 'https://rzp.io/l/…' },
  }),
  t({
    key: 'milestone_due_in_3_days',
    label: 'Payment reminder, 3 days before',
    category: 'utility',
    language: 'en',
    variables: ['eventName', 'milestone', 'outstanding', 'dueDate'],
    providerName: 'payment_reminder_upcoming',
    subject: 'Payment due on {{dueDate}}',
    body: 'Reminder for {{eventName}}: {{milestone}} of {{outstanding}} is due on {{dueDate}}.',
    essential: true,
    sample: {
      eventName: 'Sharma–Mehta Sangeet',
      milestone: 'Second instalment',
      outstanding: '₹9,00,000.00',
      dueDate: '2026-12-03',
    },
  }),
  t({
    key: 'milestone_due_today',
    label: 'Payment reminder, due today',
    category: 'utility',
    language: 'en',
    variables: ['eventName', 'milestone', 'outstanding', 'dueDate'],
    providerName: 'payment_reminder_due',
    subject: 'Payment due today',
    body: 'Reminder for {{eventName}}: {{milestone}} of {{outstanding}} is due today ({{dueDate}}).',
    essential: true,
    sample: {
      eventName: 'Sharma–Mehta Sangeet',
      milestone: 'Second instalment',
      outstanding: '₹9,00,000.00',
      dueDate: '2026-11-30',
    },
  }),
  t({
    key: 'payment_received',
    label: 'Payment received',
    category: 'utility',
    language: 'en',
    variables: ['name', 'amount', 'receiptLink'],
    providerName: 'payment_received',
    subject: 'Payment received: {{amount}}',
    body: 'Thank you {{name}}, we received {{amount}}. Your receipt: {{receiptLink}}',
    essential: true,
    sample: { name: 'Ananya Sharma', amount: '₹5,40,000.00', receiptLink: 'https://mandap.example/events/…/finance' },
  }),
  t({
    key: 'vendor_assignment_confirmed',
    label: 'Vendor assignment confirmed (to the vendor)',
    category: 'utility',
    language: 'en',
    variables: ['vendorName', 'eventName', 'eventDate'],
    providerName: 'vendor_assignment_confirmed',
    subject: 'Assignment confirmed: {{eventName}}',
    body: 'Hello {{vendorName}}, your assignment for {{eventName}} on {{eventDate}} is confirmed.',
    essential: true,
    sample: { vendorName: 'Phoolwala Décor', eventName: 'Sharma–Mehta Sangeet', eventDate: '14/02/2027' },
  }),
  t({
    key: 'task_assigned',
    label: 'Task assigned (to staff)',
    category: 'utility',
    language: 'en',
    variables: ['title'],
    providerName: 'task_assigned',
    subject: 'New task: {{title}}',
    body: 'A task was assigned to you: {{title}}',
    essential: true,
    sample: { title: 'Confirm the baraat band timing' },
  }),
  t({
    key: 'event_reminder_48h',
    label: 'Event in 48 hours',
    category: 'utility',
    language: 'en',
    variables: ['name', 'eventName', 'eventDate', 'venue'],
    providerName: 'event_reminder_48h',
    subject: '{{eventName}} is in two days',
    body: 'Namaste {{name}}, {{eventName}} is on {{eventDate}} at {{venue}}. We are all set!',
    essential: false,
    sample: {
      name: 'Ananya Sharma',
      eventName: 'Sharma–Mehta Sangeet',
      eventDate: '14/02/2027',
      venue: 'Taj Lands End',
    },
  }),
  t({
    key: 'event_reminder_2h',
    label: 'Event in 2 hours',
    category: 'utility',
    language: 'en',
    variables: ['name', 'eventName', 'venue'],
    providerName: 'event_reminder_2h',
    subject: '{{eventName}} starts soon',
    body: 'Namaste {{name}}, {{eventName}} at {{venue}} begins in about two hours.',
    essential: false,
    sample: { name: 'Ananya Sharma', eventName: 'Sharma–Mehta Sangeet', venue: 'Taj Lands End' },
  }),
  t({
    key: 'event_completed_thanks',
    label: 'Thanks and referral request',
    category: 'marketing',
    language: 'en',
    variables: ['name', 'eventName'],
    providerName: 'event_thanks_referral',
    subject: 'Thank you from Gulmohar Events',
    body: 'Thank you {{name}} for letting us host {{eventName}}! If friends are planning a celebration, we would love an introduction.',
    essential: false,
    sample: { name: 'Ananya Sharma', eventName: 'Sharma–Mehta Sangeet' },
  }),
  t({
    key: 'lead_follow_up_due',
    label: 'Follow-up due (to staff)',
    category: 'utility',
    language: 'en',
    variables: ['leadCode', 'leadName'],
    providerName: 'lead_follow_up_due',
    body: 'Follow up with {{leadName}} ({{leadCode}}) now.',
    essential: true,
    sample: { leadCode: 'LD-2026-0042', leadName: 'Ananya Sharma' },
  }),
  t({
    key: 'quote_changes_requested',
    label: 'Client asked for changes (to staff)',
    category: 'utility',
    language: 'en',
    variables: ['code', 'name'],
    providerName: 'quote_changes_requested',
    body: '{{name}} asked for changes to quote {{code}}.',
    essential: true,
    sample: { code: 'QT/2026-27/0007', name: 'Ananya Sharma' },
  }),
  t({
    key: 'quote_accepted',
    label: 'Client accepted (to staff)',
    category: 'utility',
    language: 'en',
    variables: ['code', 'name'],
    providerName: 'quote_accepted_staff',
    body: '{{name}} accepted quote {{code}}.',
    essential: true,
    sample: { code: 'QT/2026-27/0007', name: 'Ananya Sharma' },
  }),
  t({
    key: 'quote_rejected',
    label: 'Client declined (to staff)',
    category: 'utility',
    language: 'en',
    variables: ['code'],
    providerName: 'quote_rejected',
    body: 'Quote {{code}} was declined by the client.',
    essential: true,
    sample: { code: 'QT/2026-27/0007' },
  }),
  t({
    key: 'broadcast_offer',
    label: 'Seasonal offer (broadcast)',
    category: 'marketing',
    language: 'en',
    variables: ['name', 'offer'],
    providerName: 'seasonal_offer',
    subject: 'A note from Gulmohar Events',
    body: 'Namaste {{name}}, {{offer}} Reply STOP to stop these messages.',
    essential: false,
    sample: { name: 'Ananya', offer: 'our wedding season calendar for Nov–Feb has a few dates left.' },
  }),
];

const BY_KEY = new Map(TEMPLATES.map((m) => [m.key, m]));

/** The template with this key, or undefined. */
export function templateOf(key: string): MessageTemplate | undefined {
  return BY_KEY.get(key);
}

export type RenderResult =
  | { ok: true; subject: string | null; text: string; values: string[] }
  | { ok: false; missing: string[]; message: string };

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/**
 * Fills a template's variables from `vars`. A variable that is missing or blank refuses the
 * whole message, naming each one, so nothing half-filled ever leaves.
 */
export function renderTemplate(tpl: MessageTemplate, vars: Record<string, unknown>): RenderResult {
  const missing = tpl.variables.filter((v) => text(vars[v]) === '');
  if (missing.length > 0)
    return {
      ok: false,
      missing,
      message: `Template ${tpl.key} is missing ${missing.map((m) => `{{${m}}}`).join(', ')}`,
    };
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_, name: string) => text(vars[name]));
  return {
    ok: true,
    subject: tpl.subject ? fill(tpl.subject) : null,
    text: fill(tpl.body),
    values: tpl.variables.map((v) => text(vars[v])),
  };
}
