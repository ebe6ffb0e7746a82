#include "mdp/registry/ui/PatientsFeature.h"

#include "PatientsPage.h"
#include "mdp/registry/ui/PatientAccess.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Host.h"
#include "mdp/workbench/SessionContext.h"

#include <QCoreApplication>

namespace mdp::registry::ui {

namespace {

class PatientsFeature
{
    Q_DECLARE_TR_FUNCTIONS(mdp::registry::ui::PatientsFeature)
public:
    static QString pageTitle() { return tr("Patients"); }
    static QString searchTitle() { return tr("Patients"); }
    static QString hitDetail(const registry::PatientHit &hit)
    {
        return hit.birthDate.isValid() ? tr("born %1").arg(hit.birthDate.toString(Qt::ISODate)) : QString();
    }
};

} // namespace

void contributePatients(workbench::Contributions &contributions)
{
    contributions.addPage({
        QStringLiteral("patients"),
        20,
        QStringLiteral("user"),
        &PatientsFeature::pageTitle,
        &PatientAccess::seesPatients,
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            const QList<workbench::EventPanelContribution> panels =
                host.contributions().eventPanelsFor(host.roles());
            EventPanelFactory factory = [&host, panels](QWidget *panelParent, bool identityVisible) {
                QList<workbench::EventPanel *> made;
                for (const workbench::EventPanelContribution &panel : panels)
                    made << panel.create(host, identityVisible, panelParent);
                return made;
            };
            const QList<workbench::AssignedPatientsContribution> sources =
                host.contributions().assignedPatientsFor(host.roles());
            AssignedPatients assigned = [&host, sources] {
                QStringList pseudonyms;
                for (const workbench::AssignedPatientsContribution &source : sources) {
                    for (const QString &pseudonym : source.pseudonyms(host)) {
                        if (!pseudonyms.contains(pseudonym))
                            pseudonyms << pseudonym;
                    }
                }
                return pseudonyms;
            };
            return new PatientsPage(host.context(), parent, std::move(factory), std::move(assigned));
        },
    });

    contributions.addLinkHandler({
        QStringLiteral("patient"),
        0,
        [](workbench::Host &host, const QString &id, const QVariantMap &) {
            auto *page = host.pageAs<PatientsPage>(QStringLiteral("patients"));
            if (!page || host.context().isBusy())
                return false;
            host.showPage(QStringLiteral("patients"));
            return page->openPatient(QUuid::fromString(id));
        },
    });

    contributions.addSearchProvider({
        QStringLiteral("patients"),
        &PatientsFeature::searchTitle,
        &PatientAccess::seesPatients,
        [](workbench::Host &host, const QString &text, int limit) {
            QList<workbench::SearchHit> hits;
            workbench::SessionContext &context = host.context();
            // Not while the index is being built: the Go to box would block until it is done.
            if (context.isBusy() || !context.workspace().searchIndexState().ready)
                return hits;
            // A count-only session opens no patient: the Go to box offers none (and records no refusal
            // at every keystroke); the Patients page counts.
            if (!context.workspace().patientAccess(policy::Action::Read).permitted)
                return hits;
            registry::SearchFilter filter;
            filter.roles = context.roles();
            filter.identityVisible = PatientAccess::showsIdentity(filter.roles);
            auto found = context.workspace().patientSearch().search(text, limit, filter);
            if (!found)
                return hits;
            for (const registry::PatientHit &hit : *found) {
                const QString title = hit.displayName.isEmpty()
                                          ? hit.pseudonymId
                                          : hit.displayName + QStringLiteral(" · ") + hit.pseudonymId;
                hits << workbench::SearchHit{title, PatientsFeature::hitDetail(hit),
                                             QStringLiteral("patient"),
                                             hit.patientId.toString(QUuid::WithoutBraces)};
            }
            return hits;
        },
    });
}

} // namespace mdp::registry::ui
