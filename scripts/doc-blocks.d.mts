/** README.md, then every `.md` file under docs/, as paths relative to the repository root. */
export declare function docFiles(): string[];
/** Every marked block of README.md and docs/**\/*.md (or of `text` alone) by name, with the file it is in. */
export declare function readmeBlocks(text?: string): Map<string, { lang: string; code: string; file: string }>;
/** The code of one marked block; throws when neither README.md nor docs/ has a block of that name. */
export declare function readmeBlock(name: string): string;
