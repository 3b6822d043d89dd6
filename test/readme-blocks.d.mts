/** Every marked block of README.md (or of `text`) by name. */
export declare function readmeBlocks(text?: string): Map<string, { lang: string; code: string }>;
/** The code of one marked block; throws when README.md has no block of that name. */
export declare function readmeBlock(name: string): string;
