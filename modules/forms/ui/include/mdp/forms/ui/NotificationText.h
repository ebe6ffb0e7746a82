#pragma once

#include "mdp/forms/FormRecord.h"

#include <QCoreApplication>
#include <QString>

namespace mdp::forms::ui {

// How an in-app notice reads (R-6.2.3b, R-6.2.4e), in the interface language. Notices carry ids and
// pseudonyms only, so the text names the patient by pseudonym and the form by its title.
class NotificationText
{
    Q_DECLARE_TR_FUNCTIONS(mdp::forms::ui::NotificationText)
public:
    // "Review assigned", "Record rejected", ...
    static QString kindText(forms::Notification::Kind kind);
    // "P-7F3K9Q · Breast cancer baseline"; `formTitle` empty: the form id.
    static QString subject(const forms::Notification &notice, const QString &formTitle);
    // What the recipient should do next, with the rejection reason when there is one.
    static QString detail(const forms::Notification &notice);
    static QString iconName(forms::Notification::Kind kind);
    // An alert rule's name for people ("Bulk access"); the id for a rule the platform does not ship.
    static QString ruleText(const QString &ruleId);
    // Whether the notice is about a task in the recipient's review inbox.
    static bool isReviewTask(forms::Notification::Kind kind);
};

} // namespace mdp::forms::ui
