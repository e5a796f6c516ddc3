import type { CityConfig } from '@linli/core';
import { aliyunSmsProvider } from './aliyun-sms.js';
import { emailProvider } from './email.js';
import { logSmsProvider, type SmsLog } from './log-sms.js';
import type { DeliveryChannel, DeliveryProvider } from './provider.js';
import { wecomAppProvider, wecomRobotProvider } from './wecom.js';

/** The environment variables holding the channels' secrets (README: Configuration). */
export const channelEnv = {
  smtpUrl: 'LINLI_SMTP_URL',
  smsKeyId: 'LINLI_SMS_ACCESS_KEY_ID',
  smsKeySecret: 'LINLI_SMS_ACCESS_KEY_SECRET',
  wecomAppSecret: 'LINLI_WECOM_APP_SECRET',
  wecomRobotKey: 'LINLI_WECOM_ROBOT_KEY',
} as const;

export interface ChannelSetup {
  providers: Partial<Record<DeliveryChannel, DeliveryProvider>>;
  /** Sends one-time codes (registration): the configured SMS provider, else the development one that logs. */
  codes: DeliveryProvider;
  /** A channel the city configured whose secret is missing from the environment: logged at start, the channel stays off. */
  warnings: string[];
  close(): void;
}

/**
 * The providers a city chose (config `notifications`), with their secrets
 * from the environment, never from the config file. A channel configured
 * without its secret is left off with a warning, so a demo city that names
 * an e-mail sender sends e-mail exactly when `LINLI_SMTP_URL` is set.
 */
export function createChannels(config: CityConfig, env: Readonly<Record<string, string | undefined>>, log: SmsLog): ChannelSetup {
  const n = config.notifications;
  const providers: Partial<Record<DeliveryChannel, DeliveryProvider>> = {};
  const warnings: string[] = [];
  const closers: (() => void)[] = [];
  if (n?.email) {
    const url = env[channelEnv.smtpUrl];
    if (url) {
      const p = emailProvider(url, n.email.from);
      closers.push(p.close);
      providers.email = p;
    } else warnings.push(`notifications.email is configured but ${channelEnv.smtpUrl} is not set: no e-mail is sent`);
  }
  if (n?.sms?.provider === 'aliyun') {
    const id = env[channelEnv.smsKeyId];
    const secret = env[channelEnv.smsKeySecret];
    if (id && secret) {
      providers.sms = aliyunSmsProvider({ accessKeyId: id, accessKeySecret: secret, signName: n.sms.signName, templates: n.sms.templates ?? {}, ...(n.sms.endpoint ? { endpoint: n.sms.endpoint } : {}), ...(n.sms.regionId ? { regionId: n.sms.regionId } : {}) });
    } else warnings.push(`notifications.sms uses aliyun but ${channelEnv.smsKeyId} / ${channelEnv.smsKeySecret} are not set: no SMS is sent`);
  } else if (n?.sms?.provider === 'log') {
    providers.sms = logSmsProvider(log, n.sms.signName);
  }
  if (n?.wecom?.app) {
    const secret = env[channelEnv.wecomAppSecret];
    if (secret) providers.wecom = wecomAppProvider({ ...n.wecom.app, secret, ...(n.wecom.endpoint ? { endpoint: n.wecom.endpoint } : {}) });
    else warnings.push(`notifications.wecom.app is configured but ${channelEnv.wecomAppSecret} is not set: no WeCom message is sent`);
  }
  if (n?.wecom?.robot) {
    const key = env[channelEnv.wecomRobotKey];
    if (key) providers['wecom-robot'] = wecomRobotProvider({ key, ...(n.wecom.endpoint ? { endpoint: n.wecom.endpoint } : {}) });
    else warnings.push(`notifications.wecom.robot is configured but ${channelEnv.wecomRobotKey} is not set: nothing is posted to the group`);
  }
  return {
    providers,
    codes: providers.sms ?? logSmsProvider(log, n?.sms?.signName),
    warnings,
    close: () => closers.forEach((c) => c()),
  };
}
