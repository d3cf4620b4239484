/** Settings shared by the Playwright config, the local Razorpay stand-in and the journey spec. */
export const RAZORPAY_E2E = {
  keyId: 'rzp_test_e2e_key',
  keySecret: 'rzp_test_e2e_secret',
  webhookSecret: 'e2e-razorpay-webhook-secret',
} as const;

/** The stand-in listens beside the edge and the collab server. */
export const razorpayPort = (edgePort: number) => edgePort + 2;
