// The commit `bulletind --version` names, without making the build depend on git:
//  - `make build` / `make release` write commit.h (ignored by git) from `git rev-parse`;
//  - a tarball made by `git archive` has archive_commit.h filled in (export-subst, .gitattributes);
//  - otherwise (plain `swift build` in a checkout) the commit is "".
#include "bulletind_build_info.h"
#include "archive_commit.h"

#if __has_include("commit.h")
#include "commit.h"
#endif

#ifndef BULLETIND_COMMIT
#define BULLETIND_COMMIT ""
#endif

const char *bulletind_build_commit(void) {
    // In a checkout archive_commit.h still holds the unexpanded "$Format:…$" placeholder.
    if (BULLETIND_COMMIT[0] == '\0' && BULLETIND_ARCHIVE_COMMIT[0] != '$') {
        return BULLETIND_ARCHIVE_COMMIT;
    }
    return BULLETIND_COMMIT;
}
