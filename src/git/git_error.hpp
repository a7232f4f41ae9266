// Errors from git (unreadable repository, corrupt or missing object, unsupported format). The
// CLI turns them into `hookguard: ...` and exit 2: a hook that cannot read git fails closed.
#pragma once

#include <stdexcept>

namespace hookguard::git {

class GitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace hookguard::git
