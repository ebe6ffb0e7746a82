#pragma once

#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/ServerLink.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace mdp::net::ui {

// What the page and the indicator say about the link, in the same words: the short state name, what
// it means for the user's work, its colour, and the certificate's renewal warning.
class ServerStatusText
{
    Q_DECLARE_TR_FUNCTIONS(mdp::net::ui::ServerStatusText)
public:
    // A workstation certificate that ends sooner than this is flagged for renewal.
    static constexpr int kRenewalDays = 14;

    // "Connected", "Offline", ... (已连接, 离线, ...).
    static QString stateName(workspace::ServerStatus::State state);
    // One or two sentences in plain words: what happened and what to do.
    static QString explanation(workspace::ServerStatus::State state);
    static workbench::Severity severity(workspace::ServerStatus::State state);
    static QColor color(workspace::ServerStatus::State state);
    // Empty unless the certificate ends within kRenewalDays of `now` (or has ended).
    static QString expiryWarning(const QDateTime &expires, const QDateTime &now);
    // "1,234 of 1,250 events", with "none yet" when nothing is witnessed.
    static QString auditSummary(const workspace::ServerStatus &status);
    // The site sync: off (no site key), up to date, changes waiting (the offline queue), conflicts.
    static QString syncSummary(const workspace::ServerStatus &status);
    // The explanation, followed by the link's own message when there is one.
    static QString details(const workspace::ServerStatus &status);
};

} // namespace mdp::net::ui
