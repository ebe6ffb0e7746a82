#pragma once

#include "mdp/forms/FormRecord.h"
#include "mdp/mail/MailMessage.h"

#include <QString>

namespace mdp::mail {

enum class MailLanguage
{
    Chinese, // zh_CN, the default
    English,
};

// "zh_CN" / "en" (also "zh", "en_US", ...); nullopt for anything else.
std::optional<MailLanguage> mailLanguageFromName(const QString &name);

// The e-mail for one review notice (R-6.2.3b, R-6.2.4e): what happened, the form id, the record
// id, the patient's pseudonym, the reason of a rejection, and a request to open MDP. Only what the
// Notification carries goes in; names, ID numbers and field values are not in it and so can never
// leave the workstation unencrypted.
MailMessage composeNoticeMail(const forms::Notification &notice, const QString &toAddress,
                              const QString &fromAddress, MailLanguage language);

} // namespace mdp::mail
