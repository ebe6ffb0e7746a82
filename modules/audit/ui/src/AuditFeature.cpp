#include "mdp/audit/ui/AuditFeature.h"

#include "AuditLogPage.h"
#include "AuditReviewWindow.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Host.h"
#include "mdp/workspace/AuditReview.h"
#include "mdp/workspace/Permissions.h"

#include <QCoreApplication>

namespace mdp::audit::ui {

namespace {
class AuditFeature
{
    Q_DECLARE_TR_FUNCTIONS(mdp::audit::ui::AuditFeature)
public:
    static QString auditTitle() { return tr("Audit log"); }
};
} // namespace

void contributeAuditLog(workbench::Contributions &contributions)
{
    contributions.addPage({
        QStringLiteral("audit-log"),
        50,
        QStringLiteral("audit"),
        &AuditFeature::auditTitle,
        [](const QStringList &roles) {
            return workspace::rolesAllow(roles, workspace::Permission::ReadAuditTrail);
        },
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            return new AuditLogPage(host.context(), parent);
        },
    });
    // A security alert's notice opens the trail (for whoever may read it).
    contributions.addLinkHandler({
        QStringLiteral("audit-log"),
        0,
        [](workbench::Host &host, const QString &, const QVariantMap &) {
            return host.showPage(QStringLiteral("audit-log"));
        },
    });
    contributions.setAuditReviewWindow([](std::unique_ptr<workspace::AuditReview> review, QWidget *parent) {
        return new AuditReviewWindow(std::move(review), parent);
    });
}

} // namespace mdp::audit::ui
