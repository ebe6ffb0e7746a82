#include "mdp/disease/DiseasePackLoader.h"

#include "DiseaseLogging.h"

#include "mdp/disease/DiseasePack.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QPluginLoader>
#include <QSet>

namespace mdp::disease {

namespace {

QString interfaceName(const QString &iid)
{
    return iid.section(u'/', 0, 0);
}

QString interfaceVersion(const QString &iid)
{
    return iid.section(u'/', 1);
}

} // namespace

QStringList DiseasePackLoader::defaultSearchPaths()
{
    const QString configured = qEnvironmentVariable(kPathVariable);
    if (!configured.isEmpty())
        return configured.split(u':', Qt::SkipEmptyParts);
    const QString program =
        QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QDir::currentPath();
    const QDir up(program + QStringLiteral("/.."));
    return {QDir::cleanPath(up.filePath(QStringLiteral("plugins/disease"))),
            QDir::cleanPath(up.filePath(QStringLiteral(MDP_DISEASE_PACK_INSTALL_DIR)))};
}

DiseasePackLoader::DiseasePackLoader(QStringList folders)
    : m_folders(std::move(folders))
{}

void DiseasePackLoader::load()
{
    for (const QString &folder : std::as_const(m_folders)) {
        const QDir dir(folder);
        if (!dir.exists())
            continue;
        const QFileInfoList files = dir.entryInfoList(QDir::Files, QDir::Name);
        for (const QFileInfo &file : files) {
            if (QLibrary::isLibrary(file.fileName()))
                loadFile(file.absoluteFilePath());
        }
    }
    for (const PackRefusal &r : std::as_const(m_refusals))
        qCWarning(lcDisease).noquote() << "disease pack refused:" << r.file << "-" << r.reason;
    for (const LoadedPack &p : std::as_const(m_packs))
        qCInfo(lcDisease).noquote() << "disease pack" << p.pack->packId() << "loaded from" << p.file;
}

void DiseasePackLoader::loadFile(const QString &file)
{
    auto refuse = [this, &file](const QString &reason) { m_refusals.append(PackRefusal{file, reason}); };
    auto loader = std::make_unique<QPluginLoader>(file);
    // Every symbol is resolved now: a pack built against other libraries is refused here instead of
    // failing in the middle of a demo import.
    loader->setLoadHints(QLibrary::ResolveAllSymbolsHint);
    const QJsonObject meta = loader->metaData();
    if (meta.isEmpty()) {
        // No metadata: not a Qt plug-in (or not one Qt can read); load() says which.
        if (!loader->load())
            refuse(tr("not a Qt plug-in: %1").arg(loader->errorString()));
        else
            refuse(tr("not a Qt plug-in"));
        return;
    }
    const QString iid = meta.value(QStringLiteral("IID")).toString();
    const QString expected = QStringLiteral(MDP_DISEASE_PACK_IID);
    if (iid != expected) {
        if (interfaceName(iid) == interfaceName(expected))
            refuse(tr("built for disease-pack interface version %1; this program needs version %2")
                       .arg(interfaceVersion(iid), interfaceVersion(expected)));
        else
            refuse(tr("not a disease pack (its plug-in interface is \"%1\", expected \"%2\")")
                       .arg(iid, expected));
        return;
    }
    if (!loader->load()) {
        refuse(tr("cannot be loaded: %1").arg(loader->errorString()));
        return;
    }
    QObject *root = loader->instance();
    auto *pack = qobject_cast<DiseasePack *>(root);
    if (!pack) {
        refuse(tr("declares the disease-pack interface but does not implement it"));
        return;
    }
    const QString id = pack->packId();
    if (id.isEmpty()) {
        refuse(tr("the pack has no id"));
        return;
    }
    for (const LoadedPack &p : std::as_const(m_packs)) {
        if (p.pack->packId() == id) {
            refuse(tr("pack \"%1\" is already loaded from %2").arg(id, p.file));
            return;
        }
    }
    // Deleting a QPluginLoader does not unload its library: the pack lives as long as the process.
    m_packs.append(LoadedPack{file, pack});
}

QList<QByteArray> DiseasePackLoader::formTemplates() const
{
    QList<QByteArray> out;
    for (const LoadedPack &p : m_packs)
        out += p.pack->formTemplates();
    return out;
}

DiseasePack *DiseasePackLoader::demoPack() const
{
    for (const LoadedPack &p : m_packs) {
        if (p.pack->hasDemoCohort())
            return p.pack;
    }
    return nullptr;
}

const DiseasePackLoader &installedDiseasePacks()
{
    static const DiseasePackLoader loader = [] {
        DiseasePackLoader l;
        l.load();
        return l;
    }();
    return loader;
}

} // namespace mdp::disease
