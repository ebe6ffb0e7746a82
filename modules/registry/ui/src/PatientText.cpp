#include "PatientText.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace mdp::registry::ui {

using registry::EventChange;
using registry::EventType;
using registry::IdentifierType;
using registry::Sex;

QString PatientText::sexName(Sex sex)
{
    switch (sex) {
    case Sex::Male:
        return tr("Male");
    case Sex::Female:
        return tr("Female");
    case Sex::Unspecified:
        return tr("Unspecified");
    case Sex::Unknown:
        break;
    }
    return tr("Unknown");
}

QString PatientText::eventTypeName(EventType type)
{
    switch (type) {
    case EventType::FirstVisit:
        return tr("First visit");
    case EventType::Diagnosis:
        return tr("Diagnosis");
    case EventType::BiopsyPathology:
        return tr("Biopsy and pathology");
    case EventType::Surgery:
        return tr("Surgery");
    case EventType::RadiotherapyCourse:
        return tr("Radiotherapy course");
    case EventType::RadiotherapyFraction:
        return tr("Radiotherapy fraction");
    case EventType::ChemotherapyCycle:
        return tr("Chemotherapy cycle");
    case EventType::ImmunotherapyCycle:
        return tr("Immunotherapy cycle");
    case EventType::Imaging:
        return tr("Imaging");
    case EventType::Lab:
        return tr("Laboratory");
    case EventType::Toxicity:
        return tr("Toxicity");
    case EventType::FollowUp:
        return tr("Follow-up");
    case EventType::Death:
        return tr("Death");
    }
    return {};
}

QString PatientText::changeName(EventChange change)
{
    switch (change) {
    case EventChange::Create:
        return tr("Created");
    case EventChange::Update:
        return tr("Edited");
    case EventChange::Annotate:
        return tr("Annotated");
    case EventChange::Remove:
        return tr("Removed");
    case EventChange::Revert:
        return tr("Restored an earlier version");
    case EventChange::Attach:
        return tr("File attached");
    case EventChange::Detach:
        return tr("File detached");
    }
    return {};
}

QString PatientText::identifierTypeName(IdentifierType type)
{
    switch (type) {
    case IdentifierType::ResidentId:
        return tr("Resident ID");
    case IdentifierType::Passport:
        return tr("Passport");
    case IdentifierType::HospitalMrn:
        return tr("Medical record number");
    case IdentifierType::Other:
        break;
    }
    return tr("Other identifier");
}

QString PatientText::duplicateReason(const QString &reasonId)
{
    if (reasonId == u"same-name")
        return tr("same name");
    if (reasonId == u"same-pinyin")
        return tr("same pinyin");
    if (reasonId == u"similar-pinyin")
        return tr("similar pinyin");
    if (reasonId == u"same-identifier-unverified")
        return tr("same unverified identifier");
    if (reasonId == u"same-birth-date")
        return tr("same birth date");
    if (reasonId == u"same-sex")
        return tr("same sex");
    return reasonId;
}

QString PatientText::duplicateReasons(const QStringList &reasonIds)
{
    QStringList texts;
    for (const QString &id : reasonIds)
        texts << duplicateReason(id);
    return texts.join(tr(", "));
}

QString PatientText::matchedField(const QString &fieldId)
{
    if (fieldId == u"pseudonym")
        return tr("pseudonymous ID");
    if (fieldId == u"name")
        return tr("name");
    if (fieldId == u"pinyin")
        return tr("pinyin");
    if (fieldId == u"initials")
        return tr("initials");
    if (fieldId == u"diagnosis" || fieldId == u"diagnosis-code")
        return tr("diagnosis");
    if (fieldId == u"assigned")
        return tr("assigned to you");
    if (fieldId == u"recent")
        return tr("worked on recently");
    return fieldId;
}

int PatientText::age(QDate birthDate, QDate today)
{
    if (!birthDate.isValid() || !today.isValid() || today < birthDate)
        return -1;
    int years = today.year() - birthDate.year();
    if (today.month() < birthDate.month() ||
        (today.month() == birthDate.month() && today.day() < birthDate.day()))
        --years;
    return years;
}

QString PatientText::ageText(QDate birthDate, QDate today)
{
    const int years = age(birthDate, today);
    return years < 0 ? QString() : tr("%n y", "age in completed years", years);
}

QString PatientText::fieldLabel(const QString &key)
{
    // The keys the event dialog writes and the demo cohort uses; others fall back to their spelling.
    static const QHash<QString, const char *> labels{
        {QStringLiteral("totalDoseGy"), QT_TR_NOOP("Total dose (Gy)")},
        {QStringLiteral("fractions"), QT_TR_NOOP("Fractions")},
        {QStringLiteral("dosePerFractionGy"), QT_TR_NOOP("Dose per fraction (Gy)")},
        {QStringLiteral("fractionsDelivered"), QT_TR_NOOP("Fractions delivered")},
        {QStringLiteral("fraction"), QT_TR_NOOP("Fraction")},
        {QStringLiteral("doseGy"), QT_TR_NOOP("Dose (Gy)")},
        {QStringLiteral("technique"), QT_TR_NOOP("Technique")},
        {QStringLiteral("energy"), QT_TR_NOOP("Energy")},
        {QStringLiteral("target"), QT_TR_NOOP("Target")},
        {QStringLiteral("scheme"), QT_TR_NOOP("Scheme")},
        {QStringLiteral("timing"), QT_TR_NOOP("Timing")},
        {QStringLiteral("phase"), QT_TR_NOOP("Phase")},
        {QStringLiteral("laterality"), QT_TR_NOOP("Laterality")},
        {QStringLiteral("imageGuidance"), QT_TR_NOOP("Image guidance")},
        {QStringLiteral("drug"), QT_TR_NOOP("Drug")},
        {QStringLiteral("drugs"), QT_TR_NOOP("Drugs")},
        {QStringLiteral("agent"), QT_TR_NOOP("Agent")},
        {QStringLiteral("agentLabel"), QT_TR_NOOP("Agent")},
        {QStringLiteral("regimen"), QT_TR_NOOP("Regimen")},
        {QStringLiteral("cycle"), QT_TR_NOOP("Cycle")},
        {QStringLiteral("plannedCycles"), QT_TR_NOOP("Planned cycles")},
        {QStringLiteral("intervalDays"), QT_TR_NOOP("Interval (days)")},
        {QStringLiteral("doseMg"), QT_TR_NOOP("Dose (mg)")},
        {QStringLiteral("dosePerKg"), QT_TR_NOOP("Dose per kg")},
        {QStringLiteral("route"), QT_TR_NOOP("Route")},
        {QStringLiteral("auc"), QT_TR_NOOP("AUC")},
        {QStringLiteral("term"), QT_TR_NOOP("Term")},
        {QStringLiteral("termZh"), QT_TR_NOOP("Term (Chinese)")},
        {QStringLiteral("grade"), QT_TR_NOOP("Grade")},
        {QStringLiteral("ctcaeVersion"), QT_TR_NOOP("CTCAE version")},
        {QStringLiteral("serious"), QT_TR_NOOP("Serious")},
        {QStringLiteral("immuneRelated"), QT_TR_NOOP("Immune-related")},
        {QStringLiteral("attribution"), QT_TR_NOOP("Attribution")},
        {QStringLiteral("action"), QT_TR_NOOP("Action taken")},
        {QStringLiteral("ongoing"), QT_TR_NOOP("Ongoing")},
        {QStringLiteral("diagnosis"), QT_TR_NOOP("Diagnosis")},
        {QStringLiteral("icd10"), QT_TR_NOOP("ICD-10")},
        {QStringLiteral("code"), QT_TR_NOOP("Code")},
        {QStringLiteral("ctnm"), QT_TR_NOOP("Clinical stage (cTNM)")},
        {QStringLiteral("cT"), QT_TR_NOOP("cT")},
        {QStringLiteral("cN"), QT_TR_NOOP("cN")},
        {QStringLiteral("cM"), QT_TR_NOOP("cM")},
        {QStringLiteral("stageGroup"), QT_TR_NOOP("Stage group")},
        {QStringLiteral("molecularSubtype"), QT_TR_NOOP("Molecular subtype")},
        {QStringLiteral("pathologyType"), QT_TR_NOOP("Pathology type")},
        {QStringLiteral("pathologyLabel"), QT_TR_NOOP("Pathology")},
        {QStringLiteral("specimen"), QT_TR_NOOP("Specimen")},
        {QStringLiteral("erPercent"), QT_TR_NOOP("ER (%)")},
        {QStringLiteral("prPercent"), QT_TR_NOOP("PR (%)")},
        {QStringLiteral("tilsPercent"), QT_TR_NOOP("TILs (%)")},
        {QStringLiteral("sizeMm"), QT_TR_NOOP("Size (mm)")},
        {QStringLiteral("residualTumourMm"), QT_TR_NOOP("Residual tumour (mm)")},
        {QStringLiteral("margins"), QT_TR_NOOP("Margins")},
        {QStringLiteral("nodesExamined"), QT_TR_NOOP("Nodes examined")},
        {QStringLiteral("nodesPositive"), QT_TR_NOOP("Nodes positive")},
        {QStringLiteral("pCR"), QT_TR_NOOP("Pathological complete response")},
        {QStringLiteral("rcbClass"), QT_TR_NOOP("RCB class")},
        {QStringLiteral("rcbIndex"), QT_TR_NOOP("RCB index")},
        {QStringLiteral("ypT"), QT_TR_NOOP("ypT")},
        {QStringLiteral("ypN"), QT_TR_NOOP("ypN")},
        {QStringLiteral("procedure"), QT_TR_NOOP("Procedure")},
        {QStringLiteral("reconstruction"), QT_TR_NOOP("Reconstruction")},
        {QStringLiteral("axilla"), QT_TR_NOOP("Axilla")},
        {QStringLiteral("quadrant"), QT_TR_NOOP("Quadrant")},
        {QStringLiteral("site"), QT_TR_NOOP("Site")},
        {QStringLiteral("modality"), QT_TR_NOOP("Modality")},
        {QStringLiteral("bodyPart"), QT_TR_NOOP("Body part")},
        {QStringLiteral("findings"), QT_TR_NOOP("Findings")},
        {QStringLiteral("biRads"), QT_TR_NOOP("BI-RADS")},
        {QStringLiteral("recist"), QT_TR_NOOP("RECIST response")},
        {QStringLiteral("changePercent"), QT_TR_NOOP("Change (%)")},
        {QStringLiteral("test"), QT_TR_NOOP("Test")},
        {QStringLiteral("value"), QT_TR_NOOP("Value")},
        {QStringLiteral("unit"), QT_TR_NOOP("Unit")},
        {QStringLiteral("panels"), QT_TR_NOOP("Panels")},
        {QStringLiteral("status"), QT_TR_NOOP("Status")},
        {QStringLiteral("statusZh"), QT_TR_NOOP("Status (Chinese)")},
        {QStringLiteral("ecog"), QT_TR_NOOP("ECOG")},
        {QStringLiteral("cause"), QT_TR_NOOP("Cause")},
        {QStringLiteral("chiefComplaint"), QT_TR_NOOP("Chief complaint")},
        {QStringLiteral("department"), QT_TR_NOOP("Department")},
        {QStringLiteral("mdt"), QT_TR_NOOP("Multidisciplinary team")},
        {QStringLiteral("ageAtDiagnosis"), QT_TR_NOOP("Age at diagnosis")},
        {QStringLiteral("ageYears"), QT_TR_NOOP("Age (years)")},
        {QStringLiteral("heightCm"), QT_TR_NOOP("Height (cm)")},
        {QStringLiteral("weightKg"), QT_TR_NOOP("Weight (kg)")},
        {QStringLiteral("monthsAfterSurgery"), QT_TR_NOOP("Months after surgery")},
        {QStringLiteral("daysAfterNeoadjuvant"), QT_TR_NOOP("Days after neoadjuvant therapy")},
        {QStringLiteral("kind"), QT_TR_NOOP("Kind")},
        {QStringLiteral("category"), QT_TR_NOOP("Category")},
        {QStringLiteral("reported"), QT_TR_NOOP("Reported")},
        {QStringLiteral("notes"), QT_TR_NOOP("Notes")},
        {QStringLiteral("doseMetrics"), QT_TR_NOOP("Dose to organs at risk and target")},
        {QStringLiteral("results"), QT_TR_NOOP("Results")},
    };
    if (const char *label = labels.value(key, nullptr))
        return tr(label);
    QString spelled;
    for (int i = 0; i < key.size(); ++i) {
        const QChar c = key.at(i);
        if (i > 0 && c.isUpper() && !key.at(i - 1).isUpper())
            spelled += QLatin1Char(' ') + c.toLower();
        else if (c == u'_' || c == u'-')
            spelled += QLatin1Char(' ');
        else
            spelled += c;
    }
    if (!spelled.isEmpty())
        spelled[0] = spelled.at(0).toUpper();
    return spelled;
}

QString PatientText::valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return QLocale::c().toString(d, 'g', 12);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &v : value.toArray()) {
            if (!v.isObject() && !v.isArray())
                parts << valueText(v);
        }
        return parts.join(tr(", "));
    }
    case QJsonValue::Object:
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

} // namespace mdp::registry::ui
