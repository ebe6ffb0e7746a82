#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mdp::disease {

class DiseasePack;

struct LoadedPack
{
    QString file;
    DiseasePack *pack = nullptr; // owned by the plug-in, which stays loaded for the process
};

// A plug-in that was not loaded, and why, in words a user can act on.
struct PackRefusal
{
    QString file;
    QString reason;
};

// Finds disease-pack plug-ins in folders and loads those built for this program's interface.
// Every library in a folder is looked at; one that is not a Qt plug-in, carries another IID or
// another interface version (checked from its metadata, before its code runs), has a symbol this
// process cannot resolve, or repeats the id of a pack already loaded is refused with the file and
// the reason, and loading goes on: a broken pack never stops the program.
class DiseasePackLoader
{
    // Refusal reasons are shown to people (the log, the about box).
    Q_DECLARE_TR_FUNCTIONS(DiseasePackLoader)

public:
    // The environment variable that replaces the default folders (':'-separated), for tests and for
    // sites that keep packs elsewhere.
    static constexpr const char *kPathVariable = "MDP_DISEASE_PACK_PATH";

    // MDP_DISEASE_PACK_PATH when set; otherwise, relative to the program, the build tree's
    // plugins/disease (programs in build/<preset>/bin and tests in build/<preset>/tests) and the
    // installed <libdir>/mdp/plugins/disease.
    static QStringList defaultSearchPaths();

    explicit DiseasePackLoader(QStringList folders = defaultSearchPaths());

    // Loads every pack of the folders, in folder order then file-name order. Call once.
    void load();

    const QStringList &folders() const { return m_folders; }
    const QList<LoadedPack> &packs() const { return m_packs; }
    const QList<PackRefusal> &refusals() const { return m_refusals; }

    // The form templates of every loaded pack, in load order.
    QList<QByteArray> formTemplates() const;
    // The first loaded pack with a demo cohort, or null: the platform then has accounts only.
    DiseasePack *demoPack() const;

private:
    void loadFile(const QString &file);

    QStringList m_folders;
    QList<LoadedPack> m_packs;
    QList<PackRefusal> m_refusals;
};

// The packs of this process, loaded once from the default search path on first use (thread-safe).
// Programs call it early on the main thread so refusals are logged at start; workspaces ask it for
// the templates to import.
const DiseasePackLoader &installedDiseasePacks();

} // namespace mdp::disease
