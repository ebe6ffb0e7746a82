#include "mdp/audit/AuditVerifyReport.h"

namespace mdp::audit {

QString AuditVerifyReport::issueName(AuditIssue issue)
{
    switch (issue) {
    case AuditIssue::None:
        return QStringLiteral("none");
    case AuditIssue::AuthenticationFailure:
        return QStringLiteral("authentication-failure");
    case AuditIssue::SequenceGap:
        return QStringLiteral("sequence-gap");
    case AuditIssue::SequenceRepeat:
        return QStringLiteral("sequence-repeat");
    case AuditIssue::ChainBreak:
        return QStringLiteral("chain-break");
    case AuditIssue::TruncatedTail:
        return QStringLiteral("truncated-tail");
    case AuditIssue::CheckpointSignatureInvalid:
        return QStringLiteral("checkpoint-signature-invalid");
    case AuditIssue::MerkleRootMismatch:
        return QStringLiteral("merkle-root-mismatch");
    case AuditIssue::Malformed:
        return QStringLiteral("malformed");
    case AuditIssue::WrongKey:
        return QStringLiteral("wrong-key");
    case AuditIssue::MissingFile:
        return QStringLiteral("missing-file");
    case AuditIssue::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString AuditVerifyReport::toString() const
{
    if (ok) {
        QString s = QStringLiteral("audit log verified: %1 events, checkpoint covers %2")
                        .arg(eventCount)
                        .arg(checkpointSize);
        if (tornTailBytes > 0)
            s += QStringLiteral(", %1 bytes of an unfinished record after the last event").arg(tornTailBytes);
        return s;
    }
    QString where;
    if (sequence >= 0)
        where += QStringLiteral(" at event %1").arg(sequence);
    if (byteOffset >= 0)
        where += QStringLiteral(" (byte %1)").arg(byteOffset);
    return QStringLiteral("audit log verification failed%1: %2: %3").arg(where, issueName(issue), message);
}

} // namespace mdp::audit
