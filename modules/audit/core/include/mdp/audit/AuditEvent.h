#pragma once

#include "mdp/audit/AuditAgent.h"
#include "mdp/audit/AuditEntity.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mdp::audit {

// FHIR AuditEvent.action.
enum class AuditAction
{
    Create,
    Read,
    Update,
    Delete,
    Execute
};
// FHIR AuditEvent.outcome (codes 0, 4, 8, 12).
enum class AuditOutcome
{
    Success,
    MinorFailure,
    SeriousFailure,
    MajorFailure
};

QString actionCode(AuditAction action); // "C", "R", "U", "D", "E"
std::optional<AuditAction> actionFromCode(QStringView code);
QString outcomeName(AuditOutcome outcome); // "success", "minor-failure", "serious-failure", "major-failure"
std::optional<AuditOutcome> outcomeFromName(QStringView name);
int fhirOutcomeCode(AuditOutcome outcome); // 0, 4, 8, 12

// One audit record, shaped after IHE ATNA / FHIR AuditEvent (R-7.4.1). Its canonical JSON form is
// what the audit log encrypts, chains and puts in the Merkle tree, so it must be deterministic.
//
// JSON shape (keys sorted; optional members omitted when empty):
//   {"action":"R","agent":{"address":"10.1.2.3","node":"ws-07","role":"researcher","user":"u-1042"},
//    "detail":{...},"entities":[{"id":"p-5f2c","type":"patient"}],"id":"3f0c...",
//    "occurred":"2025-03-01T08:00:00.000Z",
//    "outcome":"success","purpose":"HRESCH","recorded":"2025-03-01T08:00:00.125Z","source":"node-1",
//    "type":"data.view","v":1}
struct AuditEvent
{
    static constexpr int kFormatVersion = 1;
    static constexpr int kMaxCanonicalSize = 256 * 1024;

    // Optional stable identifier given by whoever produced the event ([A-Za-z0-9._:-], up to 64), so
    // an event handed over twice (a retry after a crash) is recognised: the log refuses a second
    // event with an id it already holds.
    QString id;
    QString type; // dotted name, see AuditEventType.h
    AuditAction action = AuditAction::Execute;
    AuditOutcome outcome = AuditOutcome::Success;
    QDateTime recorded; // set by the audit log from its Clock; UTC, millisecond precision
    QDateTime occurred; // optional: when it happened, if earlier than recorded
    AuditAgent agent;
    QString source;              // node that recorded the event
    QList<AuditEntity> entities; // data touched; pseudonymous IDs only
    QString purposeOfUse;        // optional, e.g. an HL7 PurposeOfUse code ("HRESCH", "TREAT")
    QJsonObject detail;          // free structured detail: parameters, counts, reasons; no identifiers

    // Checks every field against the shape above; the message names the field.
    Result<void> validate() const;
    QJsonObject toJsonObject() const;
    // Canonical UTF-8 JSON (see CanonicalJson), byte for byte CanonicalJson::serialize(toJsonObject()).
    // Call validate() first; invalid events still serialise.
    QByteArray toCanonicalJson() const;
    // validate() and toCanonicalJson() in one pass: what the audit log stores.
    Result<QByteArray> toValidatedCanonicalJson() const;
    // Parses and validates; any JSON text of the right shape is accepted (not only canonical bytes).
    static Result<AuditEvent> fromJson(QByteArrayView json);
    static Result<AuditEvent> fromJsonObject(const QJsonObject &object);

    // Time format used in the JSON: "yyyy-MM-ddTHH:mm:ss.zzzZ".
    static QString formatTime(const QDateTime &time);
    static std::optional<QDateTime> parseTime(QStringView text);

    bool operator==(const AuditEvent &other) const;
};

} // namespace mdp::audit
