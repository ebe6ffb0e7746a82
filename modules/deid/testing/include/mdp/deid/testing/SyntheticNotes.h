#pragma once

#include "mdp/deid/Identifiers.h"

#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace mdp::deid::testing {

// An identifier planted in a synthetic note, with its exact span.
struct PlantedIdentifier
{
    IdentifierKind kind;
    qsizetype start = 0;
    qsizetype length = 0;
    QString value; // the text at [start, start + length)
    // Carries its own check (resident ID, Luhn card) or an unmistakable form (mobile, e-mail).
    bool checkable = false;
};

// One synthetic clinical note (breast cancer, neoadjuvant radiotherapy plus immunotherapy): no real
// patient is in it. `hardNegatives` are phrases that look like identifiers to a careless finder
// (高血压, 白细胞, 方案, "Ki-67 30%", 当地医院, ...) and must come out of de-identification unchanged.
struct SyntheticNote
{
    QString
        type; // admission, progress, discharge, pathology, imaging, consent, radiotherapy, infusion, followup
    QString text;
    QList<PlantedIdentifier> identifiers;
    QStringList hardNegatives;
};

// Deterministic generator of annotated notes: many templates per note type, full-width and
// half-width punctuation and digits, varied spacing and line breaks, values of every identifier kind in
// several surface forms. The same seed gives the same notes.
class SyntheticNoteGenerator
{
public:
    explicit SyntheticNoteGenerator(quint32 seed);

    SyntheticNote next();
    QList<SyntheticNote> notes(int count);

private:
    QRandomGenerator m_rng;
};

} // namespace mdp::deid::testing
