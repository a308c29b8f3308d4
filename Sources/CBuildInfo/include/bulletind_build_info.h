#ifndef BULLETIND_BUILD_INFO_H
#define BULLETIND_BUILD_INFO_H

/// The commit bulletind was built from ("0123456789ab", "0123456789ab-dirty"), or "" when the
/// build did not know it (a plain `swift build` outside `make`, without git).
const char *bulletind_build_commit(void);

#endif
