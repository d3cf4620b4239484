export const APP_NAME = 'Mandap';
export const HOUSE_NAME = 'Gulmohar Events, Mumbai';
