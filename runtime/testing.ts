/** `a6kit/testing`: the gateway simulator and helpers to test plugins. */
export {};
