// The readability library ships no types; only what the plain-words test uses.
declare module 'text-readability' {
  const readability: { fleschKincaidGrade(text: string): number };
  export default readability;
}
