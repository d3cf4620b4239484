import type { Role } from '@mandap/shared/access';
import type { BookingState, EventType } from '@mandap/shared/events';
import type { LeadSource, LeadStage } from '@mandap/shared/leads';

/** The demo house: Gulmohar Events, Mumbai. Every demo login uses DEMO_PASSWORD. */
export const DEMO_PASSWORD = 'Mandap@2026';

export const DEMO_USERS: { email: string; name: string; role: Role; phone: string }[] = [
  { email: 'admin@mandap.demo', name: 'Rohan Mehta', role: 'super_admin', phone: '+919820011001' },
  { email: 'manager@mandap.demo', name: 'Priya Nair', role: 'manager', phone: '+919820011002' },
  { email: 'sales@mandap.demo', name: 'Aditya Kulkarni', role: 'sales', phone: '+919820011003' },
  { email: 'ops@mandap.demo', name: 'Sneha Iyer', role: 'operations', phone: '+919820011004' },
  { email: 'finance@mandap.demo', name: 'Farhan Shaikh', role: 'finance', phone: '+919820011005' },
  { email: 'vendor@mandap.demo', name: 'Imran Qureshi (Noor Decor)', role: 'vendor', phone: '+919820011006' },
  { email: 'client@mandap.demo', name: 'Ananya Kapoor', role: 'client', phone: '+919820011007' },
  { email: 'kavya@mandap.demo', name: 'Kavya Reddy', role: 'sales', phone: '+919820011008' },
];

export const FIRST_NAMES = [
  'Aarav',
  'Vivaan',
  'Ishaan',
  'Kabir',
  'Arjun',
  'Reyansh',
  'Siddharth',
  'Dhruv',
  'Nikhil',
  'Rahul',
  'Ananya',
  'Diya',
  'Saanvi',
  'Aadhya',
  'Meera',
  'Riya',
  'Tanvi',
  'Pooja',
  'Neha',
  'Zoya',
];
export const LAST_NAMES = [
  'Shah',
  'Patel',
  'Desai',
  'Joshi',
  'Malhotra',
  'Khanna',
  'Agarwal',
  'Bhatia',
  'Chopra',
  'Gupta',
  'Menon',
  'Pillai',
  'Sawant',
  'Deshpande',
  'Fernandes',
  'D’Souza',
  'Sheikh',
  'Jain',
  'Kapadia',
  'Thakkar',
];
export const CITIES = [
  'Mumbai',
  'Mumbai',
  'Mumbai',
  'Thane',
  'Navi Mumbai',
  'Pune',
  'Lonavala',
  'Alibaug',
  'Udaipur',
  'Goa',
  'Jaipur',
  'Dubai',
];
export const VENUES: Record<string, string[]> = {
  Mumbai: [
    'Taj Lands End, Bandra',
    'Jio World Convention Centre',
    'Sahara Star, Vile Parle',
    'NESCO, Goregaon',
    'Grand Hyatt, Santacruz',
  ],
  Thane: ['Tip Top Plaza'],
  'Navi Mumbai': ['Four Points by Sheraton, Vashi'],
  Pune: ['JW Marriott Pune'],
  Lonavala: ['Della Resorts'],
  Alibaug: ['Radisson Blu Resort & Spa Alibaug'],
  Udaipur: ['The Leela Palace Udaipur', 'Jagmandir Island Palace'],
  Goa: ['Taj Exotica, Benaulim', 'W Goa, Vagator'],
  Jaipur: ['Rambagh Palace', 'Fairmont Jaipur'],
  Dubai: ['Atlantis The Palm', 'Jumeirah Mina A’Salam'],
};
export const LEAD_SOURCE_WEIGHTS: [LeadSource, number][] = [
  ['meta_ads', 12],
  ['google_ads', 6],
  ['wedmegood', 7],
  ['weddingwire_india', 3],
  ['justdial', 3],
  ['shaadisaga', 2],
  ['referral', 6],
  ['website', 5],
  ['walk_in', 2],
  ['offline_networking', 2],
  ['manual', 2],
];
export const LEAD_STAGE_WEIGHTS: [LeadStage, number][] = [
  ['new', 10],
  ['contacted', 9],
  ['brief_captured', 7],
  ['meeting_scheduled', 6],
  ['quote_sent', 6],
  ['negotiation', 4],
  ['won', 4],
  ['lost', 4],
];
export const EVENT_TYPE_WEIGHTS: [EventType, number][] = [
  ['wedding', 10],
  ['sangeet', 4],
  ['engagement', 3],
  ['reception', 3],
  ['corporate', 5],
  ['birthday', 2],
  ['destination_wedding', 3],
];
export const LOST_REASONS = [
  'Budget too low',
  'Went with another planner',
  'Event postponed',
  'No response after 5 follow-ups',
];

/** The ten demo events: one at every booking state, weddings first, as a planner's board would look. */
export const DEMO_EVENT_PLAN: { type: EventType; city: string; status: BookingState }[] = [
  { type: 'destination_wedding', city: 'Udaipur', status: 'deposit_paid' },
  { type: 'wedding', city: 'Mumbai', status: 'active_preparation' },
  { type: 'sangeet', city: 'Mumbai', status: 'active_preparation' },
  { type: 'corporate', city: 'Lonavala', status: 'proposal_sent' },
  { type: 'destination_wedding', city: 'Dubai', status: 'discussion' },
  { type: 'engagement', city: 'Thane', status: 'enquiry' },
  { type: 'reception', city: 'Mumbai', status: 'deposit_paid' },
  { type: 'destination_wedding', city: 'Goa', status: 'completed' },
  { type: 'corporate', city: 'Mumbai', status: 'event_day' },
  { type: 'birthday', city: 'Pune', status: 'cancelled' },
];
