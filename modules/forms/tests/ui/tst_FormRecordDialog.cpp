#include "FormHistoryDialog.h"
#include "FormRecordDialog.h"
#include "FormTestSupport.h"
#include "PatientFormsPanel.h"
#include "PatientPage.h"
#include "PatientsPage.h"
#include "ShellTestSupport.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/shell/ShellSettings.h"

#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>

using namespace mdp;
using namespace mdp::shell;
using namespace mdp::registry::ui;
using namespace mdp::forms::ui;
using namespace mdp::notify::ui;
using namespace mdp::shell::testing;

class tst_FormRecordDialog : public QObject
{
    Q_OBJECT

    FormsWorld m_world;
    QString m_clinicianId;
    QString m_reviewerId;
    QUuid m_baselineDraft; // saved by the clinician in the first test

    static bool showFor(QDialog &dialog)
    {
        dialog.resize(1100, 900);
        dialog.show();
        dialog.activateWindow();
        return QTest::qWaitForWindowExposed(&dialog) && QTest::qWaitForWindowActive(&dialog);
    }

    static QString text(QLabel *label) { return label && !label->isHidden() ? label->text() : QString(); }

private Q_SLOTS:
    void initTestCase()
    {
        applyTheme();
        useLanguage(QStringLiteral("en"));
        QVERIFY(m_world.create());
        m_clinicianId = m_world.accountId(m_world.account(QStringLiteral("clinician")));
        m_reviewerId = m_world.accountId(m_world.account(QStringLiteral("reviewer")));
    }

    // R-6.2.1d, R-6.2.1e, R-6.2.2a: a clinician fills the baseline form of the diagnosis event and saves a
    // draft; the calculated subtype follows the receptors; another clinician does not see the draft.
    void clinicianSavesBaselineDraftOthersCannotSeeIt()
    {
        auto context = m_world.signIn(QStringLiteral("clinician"));
        FormRecordDialog dialog(
            *context, m_world.newRecord(QStringLiteral("breast-baseline"), m_world.history.diagnosisEvent));
        QVERIFY(dialog.isLoaded());
        QVERIFY(dialog.isEditable());
        QVERIFY(showFor(dialog));
        forms::ui::FormView &view = *dialog.formView();
        QVERIFY(fillBaseline(view));
        QCOMPARE(view.values().value(u"her2Status").toString(), QStringLiteral("negative"));
        QCOMPARE(view.values().value(u"molecularSubtype").toString(), QStringLiteral("triple-negative"));
        QVERIFY(view.isValid());
        saveScreenshot(&dialog, QStringLiteral("form-baseline-en"));

        QTest::keyClick(&dialog, Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(dialog.record().has_value(), qPrintable(text(dialog.messageLabel())));
        QCOMPARE(dialog.record()->status, forms::RecordStatus::Draft);
        QCOMPARE(dialog.record()->creatorId, m_clinicianId);
        QCOMPARE(dialog.record()->values.value(u"molecularSubtype").toString(),
                 QStringLiteral("triple-negative"));
        QCOMPARE(dialog.messageLabel()->property("severity").toString(), QStringLiteral("success"));
        QVERIFY(!dialog.isDirty());
        m_baselineDraft = dialog.record()->id;
        dialog.close();

        // The other clinician: not in the list, not openable.
        auto other = m_world.signIn(m_world.secondClinician);
        forms::RecordFilter filter;
        filter.eventId = m_world.history.diagnosisEvent;
        auto records = m_world.workspace->forms().records(other->session().accountId, filter);
        QVERIFY(records.ok());
        for (const forms::FormRecord &r : records.value())
            QVERIFY(r.id != m_baselineDraft);
        FormRecordDialog foreign(*other, m_baselineDraft);
        QVERIFY(!foreign.isLoaded());
        QVERIFY(!text(foreign.messageLabel()).isEmpty());
        QVERIFY(!foreign.formView()->hasDefinition());
    }

    // R-6.2.1d: the same form in Chinese, for the screenshot set.
    void baselineInChinese()
    {
        useLanguage(QStringLiteral("zh_CN"));
        auto context = m_world.signIn(QStringLiteral("clinician"));
        {
            FormRecordDialog dialog(*context, m_baselineDraft);
            QVERIFY(dialog.isLoaded());
            QVERIFY(showFor(dialog));
            QCOMPARE(dialog.formView()->language(), QStringLiteral("zh_CN"));
            QCOMPARE(dialog.formView()->fieldLabel(QStringLiteral("molecularSubtype")),
                     QStringLiteral("分子分型"));
            auto *subtype =
                qobject_cast<QLineEdit *>(dialog.formView()->editor(QStringLiteral("molecularSubtype")));
            QVERIFY(subtype);
            QCOMPARE(subtype->text(), QStringLiteral("三阴性"));
            saveScreenshot(&dialog, QStringLiteral("form-baseline-zh_CN"));
        }
        useLanguage(QStringLiteral("en"));
    }

    // R-6.2.1f, R-6.1.3b: a failing hard rule (and a value out of range) blocks Submit; the dialog names
    // every failing field and shows each message beside its field; nothing is written.
    void failingHardRuleBlocksSubmitAndNamesTheFields()
    {
        auto context = m_world.signIn(QStringLiteral("clinician"));
        FormRecordDialog dialog(
            *context, m_world.newRecord(QStringLiteral("breast-baseline"), m_world.history.biopsyEvent));
        QVERIFY(showFor(dialog));
        forms::ui::FormView &view = *dialog.formView();
        QVERIFY(fillBaseline(view));
        QVERIFY(choose(view, QStringLiteral("cM"), QStringLiteral("M1")));
        QVERIFY(setNumber(view, QStringLiteral("ki67Percent"), 140));
        QVERIFY(!text(view.messageLabel(QStringLiteral("ki67Percent"))).isEmpty());

        QVERIFY(!dialog.submit());
        QVERIFY(!dialog.record().has_value());
        const QString message = text(dialog.messageLabel());
        QCOMPARE(dialog.messageLabel()->property("severity").toString(), QStringLiteral("error"));
        QVERIFY2(message.contains(QStringLiteral("Clinical stage")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Ki-67 index")), qPrintable(message));
        QVERIFY(text(view.messageLabel(QStringLiteral("clinicalStage")))
                    .contains(QStringLiteral("stage must be IV")));
        QCOMPARE(view.messageLabel(QStringLiteral("clinicalStage"))->property("severity").toString(),
                 QStringLiteral("error"));
        QVERIFY(!view.summaryLabel()->isHidden());
        forms::RecordFilter filter;
        filter.eventId = m_world.history.biopsyEvent;
        QVERIFY(m_world.workspace->forms().records(context->session().accountId, filter)->isEmpty());
        saveScreenshot(&dialog, QStringLiteral("form-errors"));

        // Corrected, it goes through.
        QVERIFY(choose(view, QStringLiteral("clinicalStage"), QStringLiteral("IV")));
        QVERIFY(setNumber(view, QStringLiteral("ki67Percent"), 40));
        QVERIFY(dialog.submit());
        QCOMPARE(dialog.record()->status, forms::RecordStatus::Pending);
    }

    // R-6.2.2b: submitting the draft makes it pending review and read-only; the submitter may withdraw it,
    // which makes it an editable draft again.
    void submitMakesRecordPendingAndReadOnly()
    {
        auto context = m_world.signIn(QStringLiteral("clinician"));
        FormRecordDialog dialog(*context, m_baselineDraft);
        QVERIFY(dialog.isLoaded());
        QVERIFY(dialog.isEditable());
        QVERIFY(showFor(dialog));
        QTest::keyClick(&dialog, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(dialog.record()->status == forms::RecordStatus::Pending,
                 qPrintable(text(dialog.messageLabel())));
        QCOMPARE(dialog.record()->reviewerId, m_reviewerId);
        QVERIFY(!dialog.isEditable());
        QVERIFY(dialog.formView()->isReadOnly());
        QVERIFY(dialog.saveButton()->isHidden());
        QVERIFY(dialog.submitButton()->isHidden());
        QVERIFY(!dialog.withdrawButton()->isHidden());
        QCOMPARE(dialog.statusLabel()->property("status").toString(), QStringLiteral("pending"));
        auto *age = qobject_cast<QSpinBox *>(dialog.formView()->editor(QStringLiteral("ageAtDiagnosis")));
        QVERIFY(age && age->isReadOnly());

        // Reopened, it is still read-only for its author.
        FormRecordDialog again(*context, m_baselineDraft);
        QVERIFY(!again.isEditable());
        QVERIFY(again.formView()->isReadOnly());

        QVERIFY(dialog.withdraw());
        QCOMPARE(dialog.record()->status, forms::RecordStatus::Draft);
        QVERIFY(dialog.isEditable());
        QVERIFY(dialog.submit());
        QCOMPARE(dialog.record()->status, forms::RecordStatus::Pending);
    }

    // R-6.2.2d: an approved record is locked; an amendment needs a reason and starts from the formal version.
    void approvedRecordIsLockedAndAmendedWithAReason()
    {
        {
            auto reviewer = m_world.signIn(QStringLiteral("reviewer"));
            auto record = m_world.workspace->forms().record(reviewer->session().accountId, m_baselineDraft);
            QVERIFY(record.ok());
            auto approved = m_world.workspace->forms().approve(reviewer->session().accountId, m_baselineDraft,
                                                               record->revision);
            QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().toString()));
        }
        auto context = m_world.signIn(QStringLiteral("clinician"));
        FormRecordDialog dialog(*context, m_baselineDraft);
        QCOMPARE(dialog.record()->status, forms::RecordStatus::Approved);
        QVERIFY(!dialog.isEditable());
        QVERIFY(!dialog.amendButton()->isHidden());
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("Approved")));
        QVERIFY(
            dialog.findChild<QLabel *>(QStringLiteral("recordFormal"))->text().contains(QStringLiteral("1")));
        QVERIFY(!dialog.amend(QStringLiteral("   ")));
        QCOMPARE(dialog.record()->status, forms::RecordStatus::Approved);
        QVERIFY(dialog.amend(QStringLiteral("Ki-67 re-read by a second pathologist")));
        QCOMPARE(dialog.record()->status, forms::RecordStatus::Draft);
        QCOMPARE(dialog.record()->formalVersion, 1);
        QVERIFY(dialog.isEditable());
        QVERIFY(text(dialog.findChild<QLabel *>(QStringLiteral("recordBanner")))
                    .contains(QStringLiteral("formal version 1")));
        QVERIFY(setNumber(*dialog.formView(), QStringLiteral("ki67Percent"), 35));
        QVERIFY(dialog.saveDraft());
    }

    // R-6.2.2d, R-6.1.1d: the history lists every version with its transition, and two versions compare
    // field by field.
    void historyComparesTwoVersionsFieldByField()
    {
        auto context = m_world.signIn(QStringLiteral("clinician"));
        auto history = m_world.workspace->forms().history(context->session().accountId, m_baselineDraft);
        QVERIFY(history.ok());
        QVERIFY(history->size() >= 5);
        auto definition = m_world.workspace->forms().definition(QStringLiteral("breast-baseline"));
        QVERIFY(definition.ok());
        FormHistoryDialog dialog(definition.value(), history.value(), {}, QStringLiteral("en"));
        QCOMPARE(dialog.versionTable()->rowCount(), int(history->size()));
        QVERIFY(dialog.versionTable()->item(1, 1)->text().contains(QStringLiteral("Submitted")) ||
                dialog.versionTable()->item(0, 1)->text().contains(QStringLiteral("Saved")));
        dialog.selectRows({0, int(history->size()) - 1});
        bool ki67 = false;
        for (int r = 0; r < dialog.diffTable()->rowCount(); ++r) {
            if (dialog.diffTable()->item(r, 0)->text() == QStringLiteral("Ki-67 index")) {
                ki67 = true;
                QVERIFY(dialog.diffTable()->item(r, 1)->text().startsWith(QStringLiteral("60")));
                QVERIFY(dialog.diffTable()->item(r, 2)->text().startsWith(QStringLiteral("35")));
            }
        }
        QVERIFY(ki67);
    }

    // R-6.2.2a: two windows on one draft: the second save is refused as a conflict and says so in the dialog.
    void concurrentSaveIsReportedAsConflict()
    {
        auto context = m_world.signIn(QStringLiteral("clinician"));
        FormRecordDialog first(*context, m_baselineDraft);
        FormRecordDialog second(*context, m_baselineDraft);
        QVERIFY(first.isEditable() && second.isEditable());
        QVERIFY(setNumber(*first.formView(), QStringLiteral("ki67Percent"), 36));
        QVERIFY(first.saveDraft());
        QVERIFY(setNumber(*second.formView(), QStringLiteral("ki67Percent"), 37));
        QVERIFY(!second.saveDraft());
        QVERIFY(text(second.messageLabel()).contains(QStringLiteral("Someone else changed")));
        QVERIFY(!second.findChild<QPushButton *>(QStringLiteral("reloadButton"))->isHidden());
        QVERIFY(second.reload());
        QCOMPARE(second.formView()->values().value(u"ki67Percent").toDouble(), 36.0);
    }

    // R-6.2.1d: the radiotherapy plan with its organ-at-risk table (a repeating group), for the screenshots.
    void radiotherapyPlanWithOrganAtRiskTable()
    {
        auto context = m_world.signIn(QStringLiteral("clinician"));
        FormRecordDialog dialog(
            *context, m_world.newRecord(QStringLiteral("radiotherapy-plan"), m_world.history.radiotherapy));
        QVERIFY(dialog.isLoaded());
        QVERIFY(showFor(dialog));
        forms::ui::FormView &view = *dialog.formView();
        QVERIFY(fillRadiotherapyPlan(view));
        QCOMPARE(view.values().value(u"oarDoses").toArray().size(), 6);
        auto *unit = qobject_cast<QLineEdit *>(view.editor(QStringLiteral("oarDoses[2].unit")));
        QVERIFY(unit);
        QCOMPARE(unit->text(), QStringLiteral("%"));
        QVERIFY(view.isValid());
        QVERIFY(dialog.saveDraft());
        // Scrolled to the table.
        view.scrollArea()->ensureWidgetVisible(view.editor(QStringLiteral("oarDoses")), 0, 0);
        view.scrollArea()->verticalScrollBar()->setValue(view.scrollArea()->verticalScrollBar()->maximum());
        saveScreenshot(&dialog, QStringLiteral("form-radiotherapy-oar"));
    }

    // R-6.2.1d, R-6.2.2a: the patient page lists the event's records with their status and offers the forms
    // made for the event's type.
    void patientPageListsRecordsOfTheEvent()
    {
        QSettings qsettings(m_world.root.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ShellSettings settings(&qsettings);
        m_world.workspace->logout();
        m_world.clock.advance(30'000);
        auto session =
            workspace::loginDemoAccount(*m_world.workspace, m_world.account(QStringLiteral("clinician")));
        QVERIFY(session.ok());
        MainWindow window(*m_world.workspace, session.value(), settings, workstation::features());
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(QStringLiteral("patients"));
        auto *patients = qobject_cast<PatientsPage *>(window.pageWidget(QStringLiteral("patients")));
        QVERIFY(patients && patients->openPatient(m_world.patient.id));
        PatientPage *page = patients->patientPage();
        QVERIFY(page->activateEvent(m_world.history.diagnosisEvent.toString(QUuid::WithoutBraces)));
        PatientFormsPanel *panel = page->eventPanel<PatientFormsPanel>();
        QVERIFY(panel);
        QCOMPARE(panel->records().size(), 1);
        QCOMPARE(panel->recordList()->count(), 1);
        QVERIFY(panel->recordList()->item(0)->text().contains(QStringLiteral("Breast cancer baseline")));
        QVERIFY(panel->recordList()->item(0)->text().contains(QStringLiteral("amendment of v1")));
        QVERIFY(!panel->newButton()->isHidden());
        QCOMPARE(panel->offered().size(), 1);
        QCOMPARE(panel->offered().at(0).id, QStringLiteral("breast-baseline"));
        saveScreenshot(&window, QStringLiteral("patient-page-forms"));

        // The course of radiotherapy offers the plan and shows the saved draft.
        QVERIFY(page->activateEvent(m_world.history.radiotherapy.toString(QUuid::WithoutBraces)));
        QCOMPARE(panel->offered().size(), 1);
        QCOMPARE(panel->offered().at(0).id, QStringLiteral("radiotherapy-plan"));
        QCOMPARE(panel->records().size(), 1);
        QCOMPARE(panel->records().at(0).status, forms::RecordStatus::Draft);

        // Opening from the list gives the dialog on that record.
        std::unique_ptr<FormRecordDialog> opened(panel->createRecordDialog(0));
        QVERIFY(opened && opened->isLoaded());
        QCOMPARE(opened->record()->id, panel->records().at(0).id);
    }
};

QTEST_MAIN(tst_FormRecordDialog)
#include "tst_FormRecordDialog.moc"
