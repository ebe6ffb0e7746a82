#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/mail/MailSettings.h"
#include "mdp/mail/NoticeMail.h"

namespace mdp::forms {
class FormStore;
}

namespace mdp::mail {

// Sends the review notices that wait for e-mail (FormStore::pendingEmails) through the relay, one
// short message per notice in the chosen language (composeNoticeMail), and records the outcome
// with FormStore::markEmailed: delivered notices leave the queue; a failed one stays pending with
// the error for the next run and does not stop the others. One SMTP session serves the whole run;
// when the relay cannot be reached at all, every notice of the run records that error without a
// connection attempt each.
class MailDispatcher
{
public:
    MailDispatcher(forms::FormStore &store, MailSettings settings,
                   MailLanguage language = MailLanguage::Chinese);

    // The number of notices delivered by this run. An error only when the queue could not be read
    // or the settings are invalid; delivery failures are recorded per notice instead.
    Result<int> dispatchPending();

    // Error of the last failed notice of the last run (for a status line); empty after a clean run.
    QString lastError() const { return m_lastError; }

private:
    forms::FormStore &m_store;
    MailSettings m_settings;
    MailLanguage m_language;
    QString m_lastError;
};

} // namespace mdp::mail
