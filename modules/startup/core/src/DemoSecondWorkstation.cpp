#include "mdp/startup/DemoSecondWorkstation.h"

#include "mdp/crypto/Random.h"
#include "mdp/forms/FormStore.h"
#include "mdp/startup/DemoServer.h"
#include "mdp/workspace/DemoWorkspace.h"
#include "mdp/workspace/ServerLink.h"
#include "mdp/workspace/Workspace.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QLoggingCategory>

#include <chrono>

namespace mdp::startup {

namespace {
Q_LOGGING_CATEGORY(lcDemoSite, "mdp.startup.demo-site")

const workspace::DemoAccount *demoAccount(const workspace::DemoWorkspace &demo, const QString &role)
{
    for (const workspace::DemoAccount &account : demo.accounts) {
        if (account.role == role)
            return &account;
    }
    return nullptr;
}
} // namespace

std::unique_ptr<DemoSecondWorkstation> DemoSecondWorkstation::start(const DemoServer &server,
                                                                    const QString &directory, int approvals,
                                                                    int waitForRecordsMs, const QString &name)
{
    std::unique_ptr<DemoSecondWorkstation> made(new DemoSecondWorkstation);
    DemoSecondWorkstation *self = made.get();
    self->m_thread = std::thread([self, &server, directory, approvals, waitForRecordsMs, name] {
        self->run(server, directory, approvals, waitForRecordsMs, name);
    });
    return made;
}

DemoSecondWorkstation::~DemoSecondWorkstation()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

DemoSecondWorkstation::Outcome DemoSecondWorkstation::outcome() const
{
    std::lock_guard lock(m_mutex);
    return m_outcome;
}

DemoSecondWorkstation::Outcome DemoSecondWorkstation::wait()
{
    if (m_thread.joinable())
        m_thread.join();
    return outcome();
}

void DemoSecondWorkstation::run(const DemoServer &server, const QString &directory, int approvals, int waitMs,
                                const QString &name)
{
    auto finish = [this](qint64 received, int approved, const QString &error) {
        if (!error.isEmpty())
            qCWarning(lcDemoSite).noquote() << "the demo's second workstation:" << error;
        else
            qCInfo(lcDemoSite) << "the demo's second workstation received" << received
                               << "entries and approved" << approved << "records";
        std::lock_guard lock(m_mutex);
        m_outcome = Outcome{true, received, approved, error};
    };
    // Accounts only: its records come from the site.
    auto made = workspace::createDemoWorkspace(directory, SystemClock::instance(), {},
                                               SecureBytes(crypto::randomBytes(32).toBase64()));
    if (!made)
        return finish(0, 0, made.error().toString());
    workspace::DemoWorkspace demo = std::move(*made);
    workspace::Workspace &ws = *demo.workspace;
    if (auto linked = connectDemoWorkspace(ws, server, name); !linked)
        return finish(0, 0, linked.error().toString());

    // What workstation-1 pushed when it joined the site: pulled pass by pass until some arrived.
    qint64 received = 0;
    const QDeadlineTimer deadline(waitMs);
    while (!m_stop && !deadline.hasExpired()) {
        auto status = ws.serverLink().shipAuditNow();
        if (status && status->syncLastSequence > 0 && status->syncPending == 0) {
            received = status->syncLastSequence;
            break;
        }
        std::this_thread::sleep_for(std::chrono::seconds(2));
    }
    if (received == 0)
        return finish(0, 0,
                      m_stop ? QStringLiteral("stopped before anything arrived (the demo closed)")
                             : QStringLiteral("nothing arrived from workstation-1 through the site sync"));

    const workspace::DemoAccount *reviewer = demoAccount(demo, QStringLiteral("reviewer"));
    if (!reviewer)
        return finish(received, 0, QStringLiteral("the demo has no reviewer account"));
    auto session = workspace::loginDemoAccount(ws, *reviewer);
    if (!session)
        return finish(received, 0, session.error().toString());
    auto inbox = ws.forms().inbox(session->accountId);
    if (!inbox)
        return finish(received, 0, inbox.error().toString());
    int approved = 0;
    for (const forms::ReviewTask &task : inbox.value()) {
        if (m_stop || approved >= approvals)
            break;
        auto record = ws.forms().record(session->accountId, task.recordId);
        if (!record || record->status != forms::RecordStatus::Pending)
            continue;
        auto done = ws.forms().approve(session->accountId, task.recordId, record->revision,
                                       QStringLiteral("已在工作站 2 审核 / reviewed on workstation-2"));
        if (done)
            ++approved;
    }
    ws.logout();
    auto pushed = ws.serverLink().shipAuditNow();
    finish(received, approved, pushed ? QString() : pushed.error().toString());
}

} // namespace mdp::startup
