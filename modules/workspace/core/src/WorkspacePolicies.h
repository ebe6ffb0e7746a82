#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/policy/PolicySet.h"
#include "mdp/workspace/DataPolicies.h"

#include <QHash>

#include <functional>
#include <memory>
#include <mutex>

namespace mdp::audit {
struct AuditEvent;
class Sm2CheckpointSigner;
} // namespace mdp::audit
namespace mdp::forms {
class FormStore;
struct FieldDefinition;
struct FormDefinition;
} // namespace mdp::forms
namespace mdp::store {
class Database;
}

namespace mdp::workspace {

class AccessGate;
class AuditOutbox;
class Authorizer;
using audit::Sm2CheckpointSigner; // mdp/workspace/Sm2CheckpointSigner.h

// DataPolicies on the workspace's database: policy versions in `policies`, the classification flow in
// `classification_requests`, the policy in force in the AccessGate's engine.
class WorkspacePolicies final : public DataPolicies
{
public:
    using Recorder = std::function<Result<void>(audit::AuditEvent)>;
    // `record` is the workspace's own (the session's agent; into the outbox inside a transaction).
    // `lastInstalled` tells the newest version the audit trail records as installed.
    WorkspacePolicies(store::Database &db, AuditOutbox &outbox, Recorder record,
                      std::function<std::optional<int>()> lastInstalled, const Authorizer *guard,
                      AccessGate &gate, forms::FormStore &forms, Sm2CheckpointSigner &signer,
                      const Clock &clock, QString nodeId);

    // Puts the newest stored version whose signature verifies in force (the built-in default when
    // none); a newer one that does not verify is recorded as refused. Called when the workspace opens.
    Result<void> load();

    PolicyRecord inForce() const override;
    Result<QList<PolicyRecord>> history() const override;
    Result<PolicyRecord> install(const QByteArray &json, const QString &note) override;
    Result<QList<ClassifiedItem>> items() const override;
    Result<qint64> request(const QString &key, const policy::Classification &proposed,
                           const QString &reason) override;
    Result<QList<ClassificationRequest>> requests(bool openOnly) const override;
    Result<void> review(qint64 id, bool accept, const policy::Classification &settled,
                        const QString &note) override;
    Result<PolicyRecord> putInForce(const QString &note) override;

    // Permission sync: called inside the transaction that stores a version put in force here
    // (install, putInForce), so the site sync's outbox row commits with it.
    using SyncQueue = std::function<Result<void>(const PolicyRecord &)>;
    void setSyncQueue(SyncQueue queue);

    // What the site sync's apply uses on the link's thread (workspace-internal, not for screens; each
    // is safe off the GUI thread: none touches this object's database connection).
    // The checks install() makes on a bare document: size, parse, newer than `current`, guardrails.
    static Result<policy::PolicySet> checkDocument(const QByteArray &json, int current);
    // How far a version put in force here may jump past the one in force (the site's relay refuses a
    // larger step: ServerStoreRules kMaxPolicyVersionStep).
    static constexpr qint64 kMaxVersionStep = 1000;
    int versionInForce() const;
    std::shared_ptr<const policy::PolicySet> policyInForce() const;
    // `document` in an envelope signed with this workspace's key, and that key's id.
    Result<QByteArray> signedEnvelope(const QByteArray &document);
    QString keyId() const;
    // After the sync committed a version to the `policies` table: in force here unless a newer one
    // already is.
    void adoptFromSite(const PolicyRecord &record);

    // Every field of `form` (group members as "group.member") classified under `set` (none: the
    // rules alone); no session needed (the catalogue is built while nobody is signed in).
    static QList<ClassifiedItem> classifyForm(const forms::FormDefinition &form,
                                              const policy::PolicySet *set);

    // The subject a form field stands for, and its key in a policy ("form:<form>/<path>").
    static policy::ClassificationSubject fieldSubject(const forms::FieldDefinition &field,
                                                      const QString &path);
    static QString fieldKey(const QString &formId, const QString &path);

private:
    struct Stored
    {
        PolicyRecord record;
        QByteArray envelope;
    };
    Result<QList<Stored>> stored() const;
    Result<PolicyRecord> store(const QByteArray &document, const QByteArray &envelope, const QString &note,
                               const QString &how);
    void recordRefusal(const Error &error, const QString &operation, const QString &detail) const;
    Result<void> recordEvent(const QString &type, int action, const QString &entityType,
                             const QString &entityId, const QJsonObject &detail) const;
    QList<ClassifiedItem> collectItems() const;
    // A version the audit trail records as installed is newer than the one in force: recorded.
    void noticeRollback() const;
    // After a commit: `set` in force if `expectedVersion` still is, else what is stored (load()).
    void inForceAfterCommit(policy::PolicySet set, int expectedVersion, const PolicyRecord &record);
    bool verifies(QByteArrayView message, QByteArrayView signature) const;
    // Runs `engineChange` and, when it changed the engine, records `record` as in force, both under
    // m_inForceMutex. Returns what `engineChange` returned.
    bool putInForce(const PolicyRecord &record, const std::function<bool()> &engineChange);

    store::Database &m_db;
    AuditOutbox &m_outbox;
    Recorder m_record;
    std::function<std::optional<int>()> m_lastInstalled;
    const Authorizer *m_guard;
    AccessGate &m_gate;
    forms::FormStore &m_forms;
    Sm2CheckpointSigner &m_signer;
    const Clock &m_clock;
    QString m_nodeId;
    SyncQueue m_syncQueue;
    // Written on the GUI thread and by the site sync's apply on the link's thread.
    mutable std::mutex m_inForceMutex;
    PolicyRecord m_inForce;
};

} // namespace mdp::workspace
