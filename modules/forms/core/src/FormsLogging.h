#pragma once

#include <QLoggingCategory>

namespace mdp::forms {
Q_DECLARE_LOGGING_CATEGORY(lcForms)
}
