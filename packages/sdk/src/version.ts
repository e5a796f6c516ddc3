/** The SDK version plugins declare a range against (`sdk: '^0.1.0'`). Bumped with any breaking change to the plugin contract. */
export const SDK_VERSION = '0.1.0';
