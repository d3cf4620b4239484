import { formatMoney, type Money } from '../money/money.ts';
import type { GstStateCode } from '../quotes/gst.ts';

/** The supplier printed on every quotation, and whose state decides CGST + SGST vs IGST. */
export interface CompanyProfile {
  legalName: string;
  tradeName: string;
  gstin: string;
  pan: string;
  stateCode: GstStateCode;
  address: string[];
  phone: string;
  email: string;
  website: string;
  bank: { accountName: string; bankName: string; accountNumber: string; ifsc: string; branch: string };
  upiId: string;
  /** Printed under the terms when a quote has none of its own. */
  defaultTerms: string;
  /** A small PNG or JPEG as a data URL, drawn at the top left of the PDF; none draws a roundel with the initial. */
  logoDataUrl?: string | null;
}

/** Demo defaults; a deployment overrides them through configuration (COMPANY_PROFILE on the edge). */
export const DEMO_COMPANY: CompanyProfile = {
  legalName: 'Gulmohar Events Pvt Ltd',
  tradeName: 'Gulmohar Events',
  gstin: '27AAHCG4821K1ZF',
  pan: 'AAHCG4821K',
  stateCode: '27',
  address: ['4th Floor, Lotus Business Park', 'Off Link Road, Andheri West', 'Mumbai, Maharashtra 400053'],
  phone: '+91 22 4012 3456',
  email: 'quotes@gulmohar.events',
  website: 'gulmohar.events',
  bank: {
    accountName: 'Gulmohar Events Pvt Ltd',
    bankName: 'HDFC Bank',
    accountNumber: '50200012345678',
    ifsc: 'HDFC0000240',
    branch: 'Andheri West, Mumbai',
  },
  upiId: 'gulmoharevents@hdfcbank',
  defaultTerms: [
    '50% advance to confirm the booking; 40% seven days before the event; 10% on completion.',
    'Rates are valid until the date shown; taxes as applicable at the time of invoicing.',
    'Pass-through items (venue, permits) are billed at actuals on the supplier’s invoice.',
    'Cancellation within 30 days of the event forfeits the advance.',
  ].join('\n'),
  logoDataUrl: null,
};

/** The WhatsApp message that goes with a quote link. */
export function quoteShareMessage(q: {
  clientName: string | null;
  code: string;
  version: number;
  total: Money;
  link: string;
  companyName: string;
}): string {
  const hello = q.clientName ? `Namaste ${q.clientName},` : 'Namaste,';
  return [
    hello,
    `Here is your quotation ${q.code} (v${q.version}) from ${q.companyName} for ${formatMoney(q.total)}.`,
    `View, download or accept it here: ${q.link}`,
    'Reply here with any changes you would like.',
  ].join('\n\n');
}

/** A wa.me click-to-chat link; the phone in E.164 (+91…) or empty to let the sender pick the chat. */
export function whatsappShareUrl(phoneE164: string | null, text: string): string {
  const digits = (phoneE164 ?? '').replace(/\D/g, '');
  return `https://wa.me/${digits}?text=${encodeURIComponent(text)}`;
}
