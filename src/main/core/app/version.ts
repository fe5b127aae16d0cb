import pkg from '../../../../package.json';

export const appName: string = pkg.productName;
export const appVersion: string = pkg.version;
