// Filled in by `git archive` (export-subst in .gitattributes); left alone in a checkout.
#define BULLETIND_ARCHIVE_COMMIT "$Format:%h$"
