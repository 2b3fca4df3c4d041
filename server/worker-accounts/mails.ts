// The words of every mail to a worker. Neutral: no story, no quote, nothing about a family, and the
// subject says only what the mail is for.
const SIGN_OFF = '\n\nThe Good Social Worker directory';

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

export function signInMail(publicUrl: string, token: string) {
  const link = `${base(publicUrl)}/worker/sign-in/${token}`;
  return {
    subject: 'Your sign-in link',
    text:
      'Hello,\n\nSomeone asked to sign in to The Good Social Worker directory with this email address.\n\n' +
      `To sign in, open this link within 30 minutes. It works once:\n${link}\n\n` +
      'If this was not you, you can ignore this message: nothing changes unless the link is used.' +
      SIGN_OFF,
  };
}

export function alreadyConfirmedMail(publicUrl: string) {
  return {
    subject: 'About your request',
    text:
      'Hello,\n\nSomeone asked to confirm a profile on The Good Social Worker directory with this email address. ' +
      'That profile has already been confirmed by its social worker with another address, so no sign-in link was sent.\n\n' +
      `If the profile is yours and you no longer use that address, you can ask a moderator to confirm you by hand:\n${base(publicUrl)}/worker/claim\n\n` +
      'If this was not you, you can ignore this message.' +
      SIGN_OFF,
  };
}
