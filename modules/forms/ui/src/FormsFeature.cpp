#include "mdp/forms/ui/FormsFeature.h"

#include "FormDesignerPage.h"
#include "FormRecordDialog.h"
#include "PatientFormsPanel.h"
#include "ReviewInboxPage.h"
#include "mdp/forms/FormStore.h"
#include "mdp/forms/ui/FormsAccess.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Host.h"
#include "mdp/workbench/SessionContext.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace mdp::forms::ui {

namespace {

class FormsFeature
{
    Q_DECLARE_TR_FUNCTIONS(mdp::forms::ui::FormsFeature)
public:
    static QString reviewsTitle() { return tr("Reviews"); }
    static QString formsTitle() { return tr("Forms"); }
    static QString notAvailable(const QString &why)
    {
        return tr("This record is not available to you: %1").arg(why);
    }
    static QString recordTitle() { return tr("Form record"); }
};

// A record opens where its work happens: a review task in the inbox, otherwise the record itself on
// top of its patient's page (after a rejection: the reason and the form to fix).
bool openRecord(workbench::Host &host, const QString &id, const QVariantMap &hints)
{
    const QUuid recordId = QUuid::fromString(id);
    if (recordId.isNull())
        return false;
    if (hints.value(QStringLiteral("reviewTask")).toBool()) {
        if (auto *inbox = host.pageAs<ReviewInboxPage>(QStringLiteral("reviews"))) {
            host.showPage(QStringLiteral("reviews"));
            inbox->refresh();
            if (inbox->selectRecord(recordId))
                return true;
        }
    }
    workbench::SessionContext &context = host.context();
    if (context.isBusy())
        return false;
    auto record = context.workspace().forms().record(context.session().accountId, recordId);
    if (!record) {
        QMessageBox::information(host.window(), FormsFeature::recordTitle(),
                                 FormsFeature::notAvailable(record.error().message));
        return true;
    }
    host.open(QStringLiteral("patient"), record->patientId.toString(QUuid::WithoutBraces));
    auto *dialog = new FormRecordDialog(context, recordId, host.window());
    dialog->setObjectName(QStringLiteral("noticeRecordDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return true;
}

} // namespace

void contributeForms(workbench::Contributions &contributions)
{
    contributions.addPage({
        QStringLiteral("reviews"),
        30,
        QStringLiteral("inbox"),
        &FormsFeature::reviewsTitle,
        &FormsAccess::seesReviewInbox,
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            workbench::SessionContext &context = host.context();
            auto *inbox = new ReviewInboxPage(context, parent);
            QObject::connect(&context, &workbench::SessionContext::recordChanged, inbox, [inbox] {
                if (inbox->isVisible())
                    inbox->refresh();
            });
            QObject::connect(inbox, &ReviewInboxPage::noticesRead, &context,
                             &workbench::SessionContext::notifyNoticesChanged);
            return inbox;
        },
    });
    contributions.addPage({
        QStringLiteral("forms"),
        40,
        QStringLiteral("form"),
        &FormsFeature::formsTitle,
        &FormsAccess::designsForms,
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            return new FormDesignerPage(host.context(), parent);
        },
    });
    contributions.addEventPanel({
        QStringLiteral("forms"),
        10,
        {},
        [](workbench::Host &host, bool identityVisible, QWidget *parent) -> workbench::EventPanel * {
            return new PatientFormsPanel(host.context(), identityVisible, parent);
        },
    });
    contributions.addLinkHandler({QStringLiteral("record"), 0, &openRecord});
    // A reviewer's open tasks put their patients on the patient list's desk, most urgent first.
    contributions.addAssignedPatients({
        QStringLiteral("review-tasks"),
        &FormsAccess::seesReviewInbox,
        [](workbench::Host &host) {
            QStringList pseudonyms;
            workbench::SessionContext &context = host.context();
            if (context.isBusy())
                return pseudonyms;
            auto tasks = context.workspace().forms().inbox(context.session().accountId);
            if (!tasks)
                return pseudonyms;
            for (const forms::ReviewTask &task : *tasks) {
                if (!pseudonyms.contains(task.patientPseudonym))
                    pseudonyms << task.patientPseudonym;
            }
            return pseudonyms;
        },
    });
}

} // namespace mdp::forms::ui
