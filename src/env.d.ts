/** Build-time constant (vite `define`): true only in development builds (MRC_DEV_HOSTS=1) and unit tests. */
declare const __MRC_DEV__: boolean;
