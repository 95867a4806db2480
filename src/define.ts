/**
 * `pat-elements/define`: registers every tag. Safe to import twice: a tag already registered
 * (by another copy of the package) is left alone.
 */
