/** Calendar arithmetic and today's India date live in time/india.ts; the payment rules use them by these names. */
export { addDays, daysBetween, indiaDate as istDate } from '../time/india.ts';
