import type { User } from '@mandap/shared/auth';

/** A staff account as the users list answers it, for the users page's form tests. */
export const KAVYA: User = {
  id: 'u-kavya',
  email: 'kavya@gulmohar.in',
  name: 'Kavya Iyer',
  phone: null,
  role: 'sales',
  status: 'active',
  lastLoginAt: null,
  createdAt: '2026-11-01T10:00:00.000Z',
};
