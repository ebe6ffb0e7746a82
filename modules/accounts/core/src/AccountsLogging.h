#pragma once

#include <QLoggingCategory>

namespace mdp::accounts {
Q_DECLARE_LOGGING_CATEGORY(lcAccounts)
} // namespace mdp::accounts
