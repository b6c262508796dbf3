// Settings of the browser tests' portal that the tests need to know.

/** The code-mail cooldown of the browser tests' portal, in seconds (30 in every stage). */
export const E2E_CODE_COOLDOWN_SECONDS = 2;
