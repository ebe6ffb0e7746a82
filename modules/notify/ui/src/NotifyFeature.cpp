#include "mdp/notify/ui/NotifyFeature.h"

#include "MailRelayPane.h"
#include "NotificationIndicator.h"
#include "NotificationMailDialog.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Host.h"

#include <QCoreApplication>

namespace mdp::notify::ui {

namespace {

class NotifyFeature
{
    Q_DECLARE_TR_FUNCTIONS(mdp::notify::ui::NotifyFeature)
public:
    static QString notificationsText() { return tr("&Notifications"); }
    static QString mailRelayText() { return tr("&Mail relay…"); }
    static QString mailRelayTitle() { return tr("Mail relay"); }
};

NotificationIndicator *indicatorOf(workbench::Host &host)
{
    return host.window() ? host.window()->findChild<NotificationIndicator *>() : nullptr;
}

} // namespace

void contributeNotifications(workbench::Contributions &contributions)
{
    contributions.addIndicator({
        QStringLiteral("notifications"),
        10,
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            return new NotificationIndicator(host, parent);
        },
    });
    contributions.addAction({
        QStringLiteral("notificationsAction"),
        workbench::ActionContribution::Menu::Tools,
        20,
        QStringLiteral("bell"),
        &NotifyFeature::notificationsText,
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        {},
        [](workbench::Host &host) {
            if (auto *indicator = indicatorOf(host))
                indicator->showNotifications();
        },
    });
    // The relay carries notices for the whole workstation: its administrators configure it.
    contributions.addAction({
        QStringLiteral("mailRelayAction"),
        workbench::ActionContribution::Menu::Tools,
        30,
        QStringLiteral("settings"),
        &NotifyFeature::mailRelayText,
        {},
        [](const QStringList &roles) { return roles.contains(QStringLiteral("system-admin")); },
        [](workbench::Host &host) {
            NotificationMailDialog dialog(host.context(), host.window());
            dialog.exec();
        },
    });
    contributions.addSettingsPane({
        QStringLiteral("mail-relay"),
        &NotifyFeature::mailRelayTitle,
        [](const QStringList &roles) { return roles.contains(QStringLiteral("system-admin")); },
        [](workbench::Host &host, QWidget *parent) -> workbench::SettingsPane * {
            return new MailRelayPane(host.context(), parent);
        },
    });
}

} // namespace mdp::notify::ui
