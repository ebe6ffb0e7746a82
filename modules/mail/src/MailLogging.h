#pragma once

#include <QLoggingCategory>

namespace mdp::mail {
Q_DECLARE_LOGGING_CATEGORY(lcMail)
}
