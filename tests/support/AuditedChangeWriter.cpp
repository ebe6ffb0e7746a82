// Test helper for tst_AuditedChangeCrash: makes audited domain changes through the workspace for
// ever (register a patient, create and submit a form record for them, approve it) and prints
// "ack KIND ID" after each returns. At every step of recording a commit's audit events (the
// workspace's commit-step hook) it prints "step NAME" and waits for a line on stdin, so the test can
// kill it with SIGKILL exactly between a commit and its audit event.

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/forms/FormStore.h"
#include "mdp/registry/Registry.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/Workspace.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace mdp;

namespace {

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString accountId(workspace::Workspace &w, const char *name)
{
    auto a = w.accounts().find(QString::fromLatin1(name));
    return a && a.value() ? a.value()->idString() : QString();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("mdp.*.info=false"));
    if (argc < 2)
        return 2;
    const QByteArray pass = qgetenv("MDP_PASSPHRASE");
    auto ws = workspace::Workspace::open(QString::fromLocal8Bit(argv[1]), SecureBytes(QByteArrayView(pass)));
    if (!ws) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(ws.error().toString()));
        return 1;
    }
    workspace::Workspace &w = *ws.value();
    if (auto custodian = w.beginCustodianSession(); !custodian)
        qFatal("custodian: %s", qPrintable(custodian.error().toString()));
    const QString clinician = accountId(w, "clin");
    const QString reviewer = accountId(w, "rev");
    if (clinician.isEmpty() || reviewer.isEmpty())
        return 1;
    w.setCommitStepHook([](QStringView step) {
        say("step " + step.toUtf8());
        char line[16];
        if (!std::fgets(line, sizeof line, stdin))
            std::_Exit(3);
    });
    auto count = w.database().queryOne(QStringLiteral("SELECT count(*) FROM registry_patients"));
    if (!count || !count.value())
        return 1;
    qint64 i = count.value()->at(0).toLongLong();
    say("ready");
    for (;; ++i) {
        registry::PatientDraft draft;
        draft.name.family = QStringLiteral("审");
        draft.name.given = QStringLiteral("计%1").arg(i);
        draft.sex = registry::Sex::Female;
        draft.birthDate = QDate(1950, 1, 1).addDays(i);
        auto patient = w.registry().createPatient(clinician, draft);
        if (!patient) {
            std::fprintf(stderr, "register failed: %s\n", qPrintable(patient.error().toString()));
            return 1;
        }
        say("ack patient " + patient->pseudonymId.toLatin1());

        forms::NewRecord n;
        n.formId = QStringLiteral("crash-test");
        n.patientId = patient->id;
        n.patientPseudonym = patient->pseudonymId;
        n.values = QJsonObject{{QStringLiteral("sizeMm"), int(10 + i % 100)}};
        auto draftRecord = w.forms().createDraft(clinician, n);
        if (!draftRecord) {
            std::fprintf(stderr, "draft failed: %s\n", qPrintable(draftRecord.error().toString()));
            return 1;
        }
        const QByteArray recordId = draftRecord->id.toString(QUuid::WithoutBraces).toLatin1();
        say("ack draft " + recordId);
        auto submitted = w.forms().submit(clinician, draftRecord->id, draftRecord->revision);
        if (!submitted) {
            std::fprintf(stderr, "submit failed: %s\n", qPrintable(submitted.error().toString()));
            return 1;
        }
        say("ack submit " + recordId);
        auto approved =
            w.forms().approve(reviewer, submitted->id, submitted->revision, QStringLiteral("crash test"));
        if (!approved) {
            std::fprintf(stderr, "approve failed: %s\n", qPrintable(approved.error().toString()));
            return 1;
        }
        say("ack approve " + recordId);
    }
}
