#include "MailLogging.h"

namespace mdp::mail {
Q_LOGGING_CATEGORY(lcMail, "mdp.mail")
}
