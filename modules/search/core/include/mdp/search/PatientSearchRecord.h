#pragma once

#include <QChar>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace mdp::search {

// Whose identity a caller may see (SearchFilter::identityAccess) against how guarded a patient's
// identity is. Restricted is for patients whose identity needs more than the ordinary clinical
// role (staff as patients, public figures); the permission engine of R-6.4.1b grants it.
enum class IdentityClass : quint8
{
    Standard,
    Restricted,
};

// What the search index needs of one patient. Built by the registry from its encrypted database
// at unlock and on every change; the index keeps it in memory only, in compact form.
struct PatientSearchRecord
{
    QUuid patientId;     // internal key, returned in hits
    QString pseudonymId; // "P-..." as the registry writes it
    // Identity: searched and returned only for callers whose filter reaches identityClass.
    QString familyName;     // 张, 欧阳, ZHANG
    QString givenName;      // 伟, San
    QString displayName;    // shown in hits; familyName + givenName when empty
    QString latinName;      // passport spelling ("ZHANG San"), searched like pinyin
    QString pinyin;         // "zhangwei"; computed with surname readings when empty
    QString pinyinInitials; // "zw"; computed when empty
    IdentityClass identityClass = IdentityClass::Standard;
    // Clinical, searched for every caller the permission filter lets see the patient.
    QStringList diagnoses;      // "浸润性导管癌", "TNBC", "三阴性乳腺癌"
    QStringList diagnosisCodes; // "C50.9"
    // Returned and filtered on, not searched.
    QChar sex = u'U'; // the registry's sex code: U, M, F, O
    QDate birthDate;
    bool merged = false; // merged into a survivor; hidden unless the filter includes merged records
};

} // namespace mdp::search
