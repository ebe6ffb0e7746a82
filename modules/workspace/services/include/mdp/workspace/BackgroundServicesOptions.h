#pragma once

#include "mdp/mail/NoticeMail.h"

#include <chrono>

namespace mdp::workspace {

// When the background services of a workspace run. Runs fall due by the workspace's Clock, so a
// test moves that clock instead of waiting minutes; the worker looks at the clock every
// `pollInterval` of real time.
struct BackgroundServicesOptions
{
    std::chrono::milliseconds pollInterval{1000};
    std::chrono::seconds escalationInterval{5 * 60}; // overdue reviews (R-6.2.3c)
    std::chrono::seconds mailInterval{2 * 60};       // notices waiting for e-mail (R-6.2.3b)
    mail::MailLanguage mailLanguage = mail::MailLanguage::Chinese;
};

} // namespace mdp::workspace
