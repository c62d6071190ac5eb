// Text from users and files is stripped of terminal control sequences before it is printed, so a
// note cannot move the cursor, retitle the terminal or hide a line.
// eslint-disable-next-line no-control-regex
const CONTROL = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export const stripControl = (text: string) => text.replace(CONTROL, '');
