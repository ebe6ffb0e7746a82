#include "PatientEventDialog.h"
#include "PatientEventFieldsModel.h"
#include "PatientHistoryDialog.h"
#include "PatientLineageDialog.h"
#include "PatientMergeDialog.h"
#include "PatientPage.h"
#include "PatientTestSupport.h"
#include "PatientTimeline.h"
#include "PatientsPage.h"
#include "ShellTestSupport.h"
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/timeline/TimelineModel.h"
#include "mdp/timeline/TimelineView.h"
#include "mdp/viewer/DocumentPanel.h"
#include "mdp/viewer/DocumentViewer.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/DemoWorkspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace mdp;
using namespace mdp::shell;
using namespace mdp::registry::ui;
using namespace mdp::shell::testing;

class tst_PatientPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};
    std::unique_ptr<workspace::Workspace> m_workspace;
    QList<workspace::DemoAccount> m_accounts;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<ShellSettings> m_settings;
    QString m_actor;
    registry::Patient m_zh; // Chinese history
    registry::Patient m_en; // English titles, for the English screenshot
    RichHistory m_zhHistory;
    RichHistory m_enHistory;

    const workspace::DemoAccount &account(const QString &role) const
    {
        for (const auto &a : m_accounts) {
            if (a.role == role)
                return a;
        }
        qFatal("no demo account for the role");
    }

    // The trail about `dataId`, read by the auditor (the clinician may not read it); the session
    // that was signed in is signed in again afterwards.
    Result<QList<workspace::AuditRow>> auditedAs(const QString &dataId, const QString &backAs)
    {
        m_workspace->logout();
        m_clock.advance(30 * 1000); // a verification code is never accepted twice
        if (auto auditor = workspace::loginDemoAccount(*m_workspace, account(QStringLiteral("auditor")));
            !auditor)
            return auditor.error();
        auto rows = workspace::AuditQueries(*m_workspace).byDataId(dataId);
        m_workspace->logout();
        m_clock.advance(30 * 1000);
        if (auto back = workspace::loginDemoAccount(*m_workspace, account(backAs)); !back)
            return back.error();
        return rows;
    }

    std::unique_ptr<MainWindow> windowFor(const QString &role, QSize size = QSize(1280, 800))
    {
        return signedInWindow(*m_workspace, m_clock, account(role), *m_settings, size);
    }

    static PatientPage *open(MainWindow &window, const QUuid &patientId)
    {
        window.showPage(QStringLiteral("patients"));
        auto *patients = qobject_cast<PatientsPage *>(window.pageWidget(QStringLiteral("patients")));
        if (!patients || !patients->openPatient(patientId))
            return nullptr;
        QCoreApplication::processEvents();
        return patients->patientPage();
    }

    // Clicks the event on the timeline, where the user would.
    static bool clickEvent(PatientPage &page, const QUuid &eventId)
    {
        auto *view = page.timelineView();
        const QString id = eventId.toString(QUuid::WithoutBraces);
        view->zoomToRange(QDateTime(QDate(2021, 2, 20), QTime(0, 0), Qt::UTC),
                          QDateTime(QDate(2021, 8, 1), QTime(0, 0), Qt::UTC));
        const QRectF rect = view->itemRect(id);
        if (rect.isEmpty() && rect.width() <= 0)
            return false;
        QSignalSpy activated(view, &timeline::ui::TimelineView::eventActivated);
        QTest::mouseClick(view, Qt::LeftButton, {}, rect.center().toPoint());
        return activated.size() == 1 && activated.at(0).at(0).toString() == id;
    }

    registry::TimelineEvent currentEvent(const QUuid &id)
    {
        auto e = m_workspace->registry().event(m_actor, id);
        if (!e)
            qFatal("event() failed");
        return e.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyTheme();
        useLanguage(QStringLiteral("en"));
        QVERIFY(m_root.isValid());
        m_qsettings = std::make_unique<QSettings>(m_root.filePath(QStringLiteral("settings.ini")),
                                                  QSettings::IniFormat);
        m_settings = std::make_unique<ShellSettings>(m_qsettings.get());
        auto demo = workspace::createDemoWorkspace(m_root.filePath(QStringLiteral("workspace")), m_clock);
        QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error().toString()));
        m_workspace = std::move(demo->workspace);
        m_accounts = demo->accounts;
        auto session = workspace::loginDemoAccount(*m_workspace, account(QStringLiteral("clinician")));
        QVERIFY(session.ok());
        m_actor = session->accountId;
        m_zh =
            createPatient(*m_workspace, m_actor, QStringLiteral("林晓梅"), registry::Sex::Female,
                          QDate(1975, 6, 18), residentId(QStringLiteral("350102"), QDate(1975, 6, 18), 42));
        m_zhHistory = addBreastCancerHistory(*m_workspace, m_actor, m_zh.id, true);
        m_en =
            createPatient(*m_workspace, m_actor, QStringLiteral("周海燕"), registry::Sex::Female,
                          QDate(1979, 10, 2), residentId(QStringLiteral("330106"), QDate(1979, 10, 2), 64));
        m_enHistory = addBreastCancerHistory(*m_workspace, m_actor, m_en.id, false);
    }

    void cleanupTestCase()
    {
        if (m_workspace)
            m_workspace->logout();
    }

    // R-6.1.2 / R-6.4.2a: the patient page shows the patient's events on the timeline, one lane per
    // kind; radiotherapy fractions as ticks inside their course.
    void eventsAreShownOnTheTimeline()
    {
        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        QElapsedTimer opening;
        opening.start();
        PatientPage *page = open(*window, m_zh.id);
        QVERIFY(page);
        qInfo("opening a patient with %d events took %lld ms", m_zhHistory.events, opening.elapsed());
        QCOMPARE(findChildNamed<QLabel>(page, "patientPseudonym")->text(), m_zh.pseudonymId);
        QCOMPARE(findChildNamed<QLabel>(page, "patientName")->text(), QStringLiteral("林晓梅"));
        QVERIFY(findChildNamed<QLabel>(page, "patientDiagnosis")->text().contains(QStringLiteral("cT2N1M0")));
        QCOMPARE(page->events().size(), m_zhHistory.events);
        const timeline::TimelineModel &model = page->timelineView()->model();
        QCOMPARE(model.count(), m_zhHistory.timelineItems);
        int courses = 0;
        for (int i = 0; i < model.count(); ++i) {
            const timeline::TimelineItem &item = model.item(i);
            if (item.id == m_zhHistory.radiotherapy.toString(QUuid::WithoutBraces)) {
                ++courses;
                QVERIFY(item.isSpan());
                QCOMPARE(item.marks.size(), 25);
                QVERIFY(item.hasAttachments);
            }
        }
        QCOMPARE(courses, 1);
        QVERIFY(!page->timelineView()
                     ->itemRect(m_zhHistory.biopsyEvent.toString(QUuid::WithoutBraces))
                     .isEmpty());
    }

    // Tried as a new user would: the header read "诊断: 诊断: …" squeezed into a narrow column. The
    // title's own label is dropped, and the diagnosis has the header's whole width.
    void diagnosisHeaderDoesNotRepeatItsLabel()
    {
        registry::TimelineEvent event;
        event.content.type = registry::EventType::Diagnosis;
        event.content.start = registry::EventTime::fromDate(QDate(2024, 5, 6));
        event.content.title = QStringLiteral("诊断：左乳浸润性导管癌 cT2N1M0 IIB期");
        QCOMPARE(PatientTimeline::diagnosisSummary({event}),
                 QStringLiteral("左乳浸润性导管癌 cT2N1M0 IIB期"));
        event.content.title = QStringLiteral("Diagnosis: Breast cancer cT2N1M0");
        QCOMPARE(PatientTimeline::diagnosisSummary({event}), QStringLiteral("Breast cancer cT2N1M0"));
        event.content.title = QStringLiteral("Breast cancer, diagnosis: pending");
        QCOMPARE(PatientTimeline::diagnosisSummary({event}),
                 QStringLiteral("Breast cancer, diagnosis: pending"));

        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        PatientPage *page = open(*window, m_zh.id);
        QVERIFY(page);
        auto *diagnosis = findChildNamed<QLabel>(page, "patientDiagnosis");
        auto *facts = findChildNamed<QLabel>(page, "patientFacts");
        // Its own line under the facts, starting where they start: not a column beside them.
        QVERIFY(diagnosis->geometry().top() >= facts->geometry().bottom());
        QCOMPARE(diagnosis->geometry().left(), facts->geometry().left());
        QVERIFY(!diagnosis->text().contains(QStringLiteral("Diagnosis: Diagnosis")));
    }

    // R-6.4.2b/c, R-6.4.3, R-6.4.4: clicking an event opens its structured record beside its file,
    // previewed from memory with a watermark, and the view is audited by pseudonym and attachment id.
    void activatingAnEventShowsItsTableAndItsPdf()
    {
        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        PatientPage *page = open(*window, m_zh.id);
        QVERIFY(page);
        QAbstractItemModelTester tester(page->fieldsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(clickEvent(*page, m_zhHistory.biopsyEvent));
        QCOMPARE(page->selectedEventId(), m_zhHistory.biopsyEvent.toString(QUuid::WithoutBraces));
        QCOMPARE(page->fieldsModel()->valueOf(QStringLiteral("pathologyLabel")),
                 QStringLiteral("浸润性导管癌"));
        QCOMPARE(page->fieldsModel()->valueOf(QStringLiteral("molecularSubtype")), QStringLiteral("TNBC"));
        viewer::ui::DocumentViewer *viewer = page->detailPanel()->viewer();
        QCOMPARE(viewer->state(), viewer::ui::DocumentViewer::State::Pdf);
        QCOMPARE(viewer->pageCount(), 2);
        QCOMPARE(viewer->documentId(), m_zhHistory.pathologyReport.idString());
        QVERIFY(viewer->watermarkText().contains(QStringLiteral("dr.wang")));

        auto rows = auditedAs(QStringLiteral("attachment:") + m_zhHistory.pathologyReport.idString(),
                              QStringLiteral("clinician"));
        QVERIFY(rows.ok());
        bool viewed = false;
        for (const workspace::AuditRow &row : rows.value()) {
            if (row.event.type != u"data.view")
                continue;
            viewed = true;
            QVERIFY(
                row.event.entities.contains(audit::AuditEntity{QStringLiteral("patient"), m_zh.pseudonymId}));
            QVERIFY(!QString::fromUtf8(row.event.toCanonicalJson()).contains(QStringLiteral("林晓梅")));
            QVERIFY(
                !QString::fromUtf8(row.event.toCanonicalJson()).contains(QStringLiteral("pathology-2021")));
        }
        QVERIFY(viewed);

        // The radiotherapy course: its dose table row by row, two files to choose from.
        QVERIFY(page->activateEvent(m_zhHistory.radiotherapy.toString(QUuid::WithoutBraces)));
        QCOMPARE(page->fieldsModel()->valueOf(QStringLiteral("totalDoseGy")), QStringLiteral("50"));
        QVERIFY(page->fieldsModel()->valueOf(QStringLiteral("doseMetrics")).contains(QStringLiteral("Gy")));
        auto *files = findChildNamed<QListWidget>(page, "attachmentList");
        QCOMPARE(files->count(), 2);
        QVERIFY(files->isVisible());
        const registry::TimelineEvent course = currentEvent(m_zhHistory.radiotherapy);
        QCOMPARE(viewer->documentId(), course.attachments.at(0).idString());
        files->setCurrentRow(1); // choosing the other file shows it
        QCOMPARE(viewer->documentId(), course.attachments.at(1).idString());
        QSet<viewer::ui::DocumentViewer::State> states;
        for (int i = 0; i < 2; ++i) {
            QVERIFY(page->showAttachment(i));
            states << viewer->state();
        }
        QCOMPARE(states, (QSet<viewer::ui::DocumentViewer::State>{viewer::ui::DocumentViewer::State::Pdf,
                                                                  viewer::ui::DocumentViewer::State::Image}));
    }

    // R-6.1.2c, R-6.4.4: a file is read into memory, checked, stored in the encrypted vault and linked;
    // a file the viewer cannot show is refused with the inspector's reason.
    void attachingAGeneratedPdfAndAnImage()
    {
        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        PatientPage *page = open(*window, m_zh.id);
        QVERIFY(page);
        QVERIFY(page->activateEvent(m_zhHistory.diagnosisEvent.toString(QUuid::WithoutBraces)));
        const int before = int(currentEvent(m_zhHistory.diagnosisEvent).attachments.size());
        QSignalSpy finished(page, &PatientPage::attachFinished);

        QVERIFY(page->attachBytes(m_zhHistory.diagnosisEvent, viewer::testing::pathologyReportPdf(),
                                  QStringLiteral("mdt-summary.pdf")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        registry::TimelineEvent event = currentEvent(m_zhHistory.diagnosisEvent);
        QCOMPARE(event.attachments.size(), before + 1);
        QVERIFY(m_workspace->hasFile(event.attachments.last().blobId));
        QCOMPARE(page->detailPanel()->viewer()->state(), viewer::ui::DocumentViewer::State::Pdf);
        QCOMPARE(page->detailPanel()->viewer()->documentId(), event.attachments.last().idString());

        QVERIFY(page->attachBytes(m_zhHistory.diagnosisEvent,
                                  viewer::testing::encode(viewer::testing::doseDistributionImage(), "JPEG"),
                                  QStringLiteral("clinical-photo.jpg")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20'000);
        QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(1).toString()));
        QCOMPARE(currentEvent(m_zhHistory.diagnosisEvent).attachments.size(), before + 2);
        QCOMPARE(page->detailPanel()->viewer()->state(), viewer::ui::DocumentViewer::State::Image);

        // A text file, and a PDF cut short: refused, nothing linked.
        QVERIFY(page->attachBytes(m_zhHistory.diagnosisEvent, QByteArrayLiteral("just some notes\n"),
                                  QStringLiteral("notes.txt")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20'000);
        QVERIFY(!finished.at(2).at(0).toBool());
        QVERIFY2(finished.at(2).at(1).toString().contains(QStringLiteral("cannot be attached")),
                 qPrintable(finished.at(2).at(1).toString()));
        QVERIFY(page->attachBytes(m_zhHistory.diagnosisEvent,
                                  viewer::testing::truncated(viewer::testing::pathologyReportPdf()),
                                  QStringLiteral("cut.pdf")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 20'000);
        QVERIFY(!finished.at(3).at(0).toBool());
        QCOMPARE(currentEvent(m_zhHistory.diagnosisEvent).attachments.size(), before + 2);
    }

    // R-6.1.2a/d: edits are versioned and Ctrl+Z reverts the last one through the registry.
    void undoOfAnEditRestoresThePreviousVersion()
    {
        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        PatientPage *page = open(*window, m_en.id);
        QVERIFY(page);
        const QUuid id = m_enHistory.radiotherapy;
        const registry::TimelineEvent original = currentEvent(id);
        registry::EventDraft changed = original.content;
        changed.title = QStringLiteral("Radiotherapy 40.05 Gy / 15 fx");
        changed.payload.insert(QStringLiteral("totalDoseGy"), 40.05);
        changed.payload.insert(QStringLiteral("fractions"), 15);
        auto edited = page->editEvent(id, changed, QStringLiteral("hypofractionated schedule"));
        QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().message));
        QCOMPARE(currentEvent(id).content.title, changed.title);
        QVERIFY(page->undoAction()->isEnabled());

        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        page->timelineView()->setFocus();
        QTest::keyClick(page->timelineView(), Qt::Key_Z, Qt::ControlModifier);
        const registry::TimelineEvent undone = currentEvent(id);
        QCOMPARE(undone.content, original.content); // dose table and all
        QCOMPARE(undone.version, original.version + 2);
        auto history = m_workspace->registry().eventHistory(id);
        QVERIFY(history.ok());
        QCOMPARE(history->last().change, registry::EventChange::Revert);
        QCOMPARE(history->at(history->size() - 2).content.title, changed.title); // the edit stays on record

        // Redo puts the edit back, as a further version.
        page->undoStack()->redo();
        QCOMPARE(currentEvent(id).content.title, changed.title);
        page->undoStack()->undo();
        QCOMPARE(currentEvent(id).content.title, original.content.title);

        // The history dialog lists every version, with who changed it.
        history = m_workspace->registry().eventHistory(id);
        QVERIFY(history.ok());
        QHash<QString, QString> names;
        const auto accounts = m_workspace->accounts().list();
        QVERIFY(accounts.ok());
        for (const accounts::Account &a : accounts.value())
            names.insert(a.idString(), a.userName);
        PatientHistoryDialog dialog(
            history.value(), names, [](int) { return false; }, nullptr);
        QCOMPARE(dialog.versionCount(), int(history->size()));
        dialog.selectVersion(2);
        QCOMPARE(dialog.selectedVersion(), 2);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        saveScreenshot(&dialog, QStringLiteral("patients-event-history-en"));
    }

    // R-6.1.2a: the edit dialog changes the fields it shows and keeps the structured detail it does not
    // (the dose table); the reason is required.
    void editDialogKeepsTheDetailItDoesNotShow_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void editDialogKeepsTheDetailItDoesNotShow()
    {
        QFETCH(QString, language);
        useLanguage(language);
        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        PatientPage *page = open(*window, m_en.id);
        QVERIFY(page);
        const QUuid id = m_enHistory.radiotherapy;
        QVERIFY(page->activateEvent(id.toString(QUuid::WithoutBraces)));
        const registry::TimelineEvent before = currentEvent(id);
        bool submitted = false;
        ModalWatchdog watchdog;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<PatientEventDialog *>(QApplication::activeModalWidget());
            if (!dialog) { // never leave a test waiting on a modal window
                if (QWidget *other = QApplication::activeModalWidget())
                    other->close();
                return;
            }
            auto *ok = findChildNamed<QPushButton>(dialog, "eventOkButton");
            findChildNamed<QDoubleSpinBox>(dialog, "field_totalDoseGy")->setValue(42.56);
            findChildNamed<QSpinBox>(dialog, "field_fractions")->setValue(16);
            findChildNamed<QComboBox>(dialog, "field_technique")->setCurrentText(QStringLiteral("IMRT"));
            ok->click(); // no reason yet: refused in the dialog
            QVERIFY(dialog->isVisible());
            findChildNamed<QLineEdit>(dialog, "eventReasonEdit")
                ->setText(QStringLiteral("hypofractionation"));
            saveScreenshot(dialog, QStringLiteral("patients-edit-event-") + language);
            ok->click();
            submitted = !dialog->isVisible();
        });
        page->editAction()->trigger();
        QVERIFY(!watchdog.fired());
        QVERIFY(submitted);
        const registry::TimelineEvent after = currentEvent(id);
        QCOMPARE(after.version, before.version + 1);
        QCOMPARE(after.content.payload.value(QStringLiteral("totalDoseGy")).toDouble(), 42.56);
        QCOMPARE(after.content.payload.value(QStringLiteral("fractions")).toInt(), 16);
        QCOMPARE(after.content.payload.value(QStringLiteral("technique")).toString(), QStringLiteral("IMRT"));
        QCOMPARE(after.content.payload.value(QStringLiteral("doseMetrics")),
                 before.content.payload.value(QStringLiteral("doseMetrics")));
        QCOMPARE(after.content.annotation, before.content.annotation);
        page->undoAction()->trigger();
        QCOMPARE(currentEvent(id).content, before.content);
        useLanguage(QStringLiteral("en"));
    }

    void removeThenUndoBringsTheEventBack()
    {
        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        PatientPage *page = open(*window, m_en.id);
        QVERIFY(page);
        const QUuid id = m_enHistory.diagnosisEvent;
        const int items = page->timelineView()->model().count();
        QVERIFY(page->activateEvent(id.toString(QUuid::WithoutBraces)));
        QVERIFY(page->removeEvent(id, QStringLiteral("entered on the wrong patient")).ok());
        QCOMPARE(page->timelineView()->model().count(), items - 1);
        QVERIFY(currentEvent(id).removed);
        page->undoAction()->trigger();
        QVERIFY(!currentEvent(id).removed);
        QCOMPARE(page->timelineView()->model().count(), items);

        // An added event is undone by removing it.
        registry::EventDraft followUp;
        followUp.type = registry::EventType::FollowUp;
        followUp.start = registry::EventTime::fromDate(QDate(2026, 2, 27));
        followUp.title = QStringLiteral("Telephone follow-up");
        auto added = page->addEvent(followUp);
        QVERIFY(added.ok());
        QCOMPARE(page->timelineView()->model().count(), items + 1);
        page->undoAction()->trigger();
        QCOMPARE(page->timelineView()->model().count(), items);
        QVERIFY(currentEvent(added->id).removed);
    }

    // R-6.1.1b/d: merge two records of one person from the patient page, then undo the merge from
    // the lineage; events go over and come back.
    void mergeThenUnmergeThroughThePageActions()
    {
        const registry::Patient other = createPatient(*m_workspace, m_actor, QStringLiteral("林晓梅"),
                                                      registry::Sex::Female, QDate(1975, 6, 18));
        registry::EventDraft visit;
        visit.type = registry::EventType::FirstVisit;
        visit.start = registry::EventTime::fromDate(QDate(2020, 11, 2));
        visit.title = QStringLiteral("外院首诊");
        auto moved = m_workspace->registry().addEvent(m_actor, other.id, visit);
        QVERIFY(moved.ok());

        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        PatientPage *page = open(*window, m_zh.id);
        QVERIFY(page);
        const int before = int(page->events().size());

        bool merged = false;
        ModalWatchdog lineageWatchdog;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<PatientMergeDialog *>(QApplication::activeModalWidget());
            if (!dialog) { // never leave a test waiting on a modal window
                if (QWidget *other = QApplication::activeModalWidget())
                    other->close();
                return;
            }
            dialog->searchOther(other.pseudonymId);
            merged = dialog->chooseOther(other.id);
            dialog->setReason(QStringLiteral("same person: registered twice at two desks"));
            saveScreenshot(dialog, QStringLiteral("patients-merge-dialog-en"));
            dialog->merge();
            if (dialog->isVisible())
                dialog->reject();
        });
        page->mergeAction()->trigger();
        QVERIFY(!lineageWatchdog.fired());
        QVERIFY(merged);
        QVERIFY(m_workspace->registry().patient(m_actor, other.id)->isMerged());
        QCOMPARE(int(page->events().size()), before + 1);
        QCOMPARE(findChildNamed<QLabel>(page, "patientStatus")->property("severity").toString(),
                 QStringLiteral("success"));

        bool unmerged = false;
        ModalWatchdog watchdog;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<PatientLineageDialog *>(QApplication::activeModalWidget());
            if (!dialog) { // never leave a test waiting on a modal window
                if (QWidget *other = QApplication::activeModalWidget())
                    other->close();
                return;
            }
            dialog->setReason(QStringLiteral("different people after all: ID card checked"));
            unmerged = dialog->unmergeSelected();
            saveScreenshot(dialog, QStringLiteral("patients-merge-history-en"));
            dialog->reject();
        });
        page->lineageAction()->trigger();
        QVERIFY(!watchdog.fired());
        QVERIFY(unmerged);
        QVERIFY(!m_workspace->registry().patient(m_actor, other.id)->isMerged());
        QCOMPARE(int(page->events().size()), before);
        auto back = m_workspace->registry().events(m_actor, other.id);
        QVERIFY(back.ok());
        QCOMPARE(back->size(), 1);
        QCOMPARE(back->first().id, moved->id);
        auto lineage = m_workspace->registry().lineage(m_zh.id);
        QVERIFY(lineage.ok() && lineage->size() == 1 && lineage->first().undone);
    }

    // The finished look: a rich timeline and the detail panel with a report under the watermark.
    void patientPageScreenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void patientPageScreenshots()
    {
        QFETCH(QString, language);
        useLanguage(language);
        const bool chinese = language == u"zh_CN";
        const registry::Patient &patient = chinese ? m_zh : m_en;
        const RichHistory &history = chinese ? m_zhHistory : m_enHistory;
        auto window = windowFor(QStringLiteral("clinician"), QSize(1600, 1000));
        QVERIFY(window);
        PatientPage *page = open(*window, patient.id);
        QVERIFY(page);
        page->timelineView()->zoomToFit();
        QVERIFY(page->activateEvent(history.biopsyEvent.toString(QUuid::WithoutBraces)));
        QCOMPARE(page->detailPanel()->viewer()->state(), viewer::ui::DocumentViewer::State::Pdf);
        // Every lane of the history is in view, follow-up included.
        auto *scroll = findChildNamed<QScrollArea>(page, "timelineScroll");
        QVERIFY2(
            scroll->verticalScrollBar()->maximum() == 0,
            qPrintable(QStringLiteral("lanes scroll by %1 px").arg(scroll->verticalScrollBar()->maximum())));
        QVERIFY(page->timelineView()->laneCenterY(timeline::EventType::FollowUp) <
                scroll->viewport()->height());
        saveScreenshot(window.get(), QStringLiteral("patients-page-pathology-") + language);
        QVERIFY(page->activateEvent(history.radiotherapy.toString(QUuid::WithoutBraces)));
        const registry::TimelineEvent course = currentEvent(history.radiotherapy);
        for (int i = 0; i < course.attachments.size(); ++i) {
            if (course.attachments.at(i).mediaType == u"image/png")
                QVERIFY(page->showAttachment(i));
        }
        QCOMPARE(page->detailPanel()->viewer()->state(), viewer::ui::DocumentViewer::State::Image);
        saveScreenshot(window.get(), QStringLiteral("patients-page-radiotherapy-") + language);
        useLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(tst_PatientPage)
#include "tst_PatientPage.moc"
