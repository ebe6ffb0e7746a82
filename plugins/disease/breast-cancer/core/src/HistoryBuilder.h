#pragma once

#include "mdp/cohort/SyntheticPatient.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

namespace mdp::cohort {

class CohortRandom;

// Who the history is for and where it stops.
struct HistoryContext
{
    QDate firstVisit;
    QDate birthDate;
    QDate asOf; // nothing after this day; ongoing therapy stays open
    TumourProfile tumour;
    QString patientName; // printed on the reports
    QString medicalRecordNumber;
    quint64 seed = 0; // for pictures
    bool fractionDetail = false;
};

// One patient's course after the reference case (Appendix A): first visit and work-up (imaging,
// core-needle biopsy, diagnosis with cTNM and subtype), neoadjuvant PD-1 immunotherapy every three
// weeks with chemotherapy, a neoadjuvant radiotherapy course whose timing, dose and fractionation vary
// (the questions the reference study asks), labs and CTCAE-graded toxicities, surgery with pCR and
// RCB, adjuvant therapy by subtype and response, follow-up every 3 then 6 months up to five years,
// recurrences and rare deaths. Dates are consistent: each phase starts after the one it depends on.
class HistoryBuilder
{
public:
    HistoryBuilder(CohortRandom &random, HistoryContext context);
    QList<SyntheticEvent> build();

private:
    struct Cycle
    {
        QDate date;
        bool immunotherapy = true;
    };

    // Adds the event unless it starts after asOf; an end after asOf is left open.
    SyntheticEvent *add(registry::EventType type, QDate start, QDate end, const QString &title,
                        QJsonObject payload);
    int ageOn(QDate date) const;
    QString side() const;
    QJsonObject labPanel(QDate date, bool thyroid, bool markers);
    void workUp();
    void neoadjuvant();
    void radiotherapy(QDate start);
    void toxicities();
    void surgery();
    void planOutcome();
    void adjuvant();
    void followUp();
    PathologyReportData reportBase(QDate received, QDate reported);

    CohortRandom &m_random;
    HistoryContext m_context;
    QList<SyntheticEvent> m_events;

    QString m_hospital;
    double m_heightCm = 160;
    double m_weightKg = 58;
    double m_bsa = 1.6;
    QDate m_diagnosis;
    QDate m_biopsy;
    QList<Cycle> m_cycles;
    QString m_ioAgent;
    int m_ioDoseMg = 200;
    QString m_regimen;
    QDate m_rtStart;
    QDate m_rtEnd;
    QString m_rtTiming;
    QDate m_neoadjuvantEnd;
    QDate m_surgery;
    bool m_pcr = false;
    QString m_rcb;
    int m_residualMm = 0;
    QDate m_lastEvent; // death or the end of the history
    QDate m_hypothyroidFrom;
    QDate m_recurrence;
    bool m_distant = false;
    QDate m_deathDate; // within asOf, or null
};

} // namespace mdp::cohort
