#include "AccountsLogging.h"

namespace mdp::accounts {
Q_LOGGING_CATEGORY(lcAccounts, "mdp.accounts")
} // namespace mdp::accounts
