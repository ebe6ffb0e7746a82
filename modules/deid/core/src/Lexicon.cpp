#include "Lexicon.h"

#include <algorithm>

namespace mdp::deid::detail {

CharSet::CharSet(QStringView chars)
{
    add(chars);
}

void CharSet::add(QStringView chars)
{
    for (QChar c : chars)
        if (c != u' ' && c != u'\n')
            m_bits.set(c.unicode());
}

WordList::WordList(QStringView spaceSeparated)
{
    for (QStringView w : spaceSeparated.split(u' ', Qt::SkipEmptyParts)) {
        w = w.trimmed();
        if (!w.isEmpty() && !m_words.contains(w))
            m_words.append(w.toString());
    }
    std::stable_sort(m_words.begin(), m_words.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        const QString &w = m_words.at(i);
        m_first.add(QStringView(w).first(1));
        m_last.add(QStringView(w).last(1));
        m_byFirst[w.front().unicode()].append(i);
        m_byLast[w.back().unicode()].append(i);
    }
}

qsizetype WordList::longestAt(QStringView text, qsizetype at) const
{
    if (at < 0 || at >= text.size() || !m_first.contains(text[at]))
        return 0;
    const auto it = m_byFirst.constFind(text[at].unicode());
    if (it == m_byFirst.cend())
        return 0;
    for (qsizetype i : *it) {
        const QString &w = m_words.at(i);
        if (at + w.size() <= text.size() && text.sliced(at, w.size()) == w)
            return w.size();
    }
    return 0;
}

qsizetype WordList::longestEndingAt(QStringView text, qsizetype end) const
{
    if (end <= 0 || end > text.size() || !m_last.contains(text[end - 1]))
        return 0;
    const auto it = m_byLast.constFind(text[end - 1].unicode());
    if (it == m_byLast.cend())
        return 0;
    for (qsizetype i : *it) {
        const QString &w = m_words.at(i);
        if (end - w.size() >= 0 && text.sliced(end - w.size(), w.size()) == w)
            return w.size();
    }
    return 0;
}

bool WordList::contains(QStringView word) const
{
    return !word.isEmpty() && longestAt(word, 0) == word.size() &&
           std::any_of(m_words.cbegin(), m_words.cend(), [&](const QString &w) { return w == word; });
}

const Lexicon &Lexicon::instance()
{
    static const Lexicon lexicon;
    return lexicon;
}

Lexicon::Lexicon()
{
    // The ideographs of the Unified block (and Extension A): names, places and institutions are
    // written in them. Characters outside the BMP (extension B and later) end a scan; they are rare
    // in names and never in the labels.
    for (char16_t c = 0x3400; c <= 0x4DBF; ++c)
        han.add(QStringView(&c, 1));
    for (char16_t c = 0x4E00; c <= 0x9FFF; ++c)
        han.add(QStringView(&c, 1));

    // Single-character surnames: the common ones of the national household registers, most frequent
    // first in spirit (the order does not matter here).
    surnames.add(u"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
                 u"魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝"
                 u"龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
                 u"柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
                 u"解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬"
                 u"边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原"
                 u"栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计"
                 u"索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕"
                 u"危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由庹訾郗逄"
                 u"聂钮龙荀仉竺");
    compoundSurnames =
        WordList(u"欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 "
                 u"钟离 闾丘 端木 南宫 西门 独孤 百里 呼延 申屠 澹台 太史 万俟 单于 赫连 第五 "
                 u"东郭 公冶 濮阳 淳于 仲孙 谷梁 拓跋 左丘 梁丘 宰父 鲜于 司空 巫马 公羊 乐正");
    // Surnames that are also prepositions, time words or the first character of everyday and
    // clinical words: they start a name only with stronger evidence.
    ambiguousSurnames.add(u"于由向和经时常安全平明成文高白方关石江周黄金左单史万来那都应查连解原支包区海花"
                          u"信展利相初门云国计强公乐水双元衣但干居危印阴宿修母阿乌普容敬将");

    nameChars.add(u"伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰玉华红梅丹萍鹏辉波斌宇浩凯健俊帆帅旭宁"
                  u"龙林欣佳怡婷雪慧莉琳颖倩晶燕琴云莹璐瑶蕾薇晨阳亮峰飞鑫建国志新海东文春晓小立永金成德荣"
                  u"福祥宏庆光松清民兵振家忠良安和友义宝贵昌发胜利珍凤莲菊芬淑琼翠娥鸿毅博睿哲轩泽涵子梓若"
                  u"思雨悦彤诗语嘉晗铭宸逸航昊天然一熙瑞星月冰洁虹娇婉媛嫣馨蓉琪琦菲霏露青琛岚玲珊巧美姗茜"
                  u"卉萌蕊柔乐爽影荷大丝妍蓓纯婧甜婕韵园艺咏卿聪澜毓昭爱妮娅雯勤珠香君绮鹃凝晴梦璇钰亚宜伶"
                  u"旺喜全根才山江河川岩坚锋钢武威彪虎豪雄卫保守兴财富顺达进贤仁信智诚厚道礼乾坤元亨庭廷栋"
                  u"梁杨柏桦楠枫竹蓝紫彩霖泉源溪渊远长久恒康泰定凡朗彬骏驰腾翔鹤鹰鸣歌丰年秋冬夏晖昕晔煜炜"
                  u"烨焕灿耀曦朝辰宙政邦世学书德淼森鑫垚磊晶品奇杰斐琰瑾瑜璋珏琨琬璟瑛婵娴姝妤婷娉婀嫦妙"
                  u"莎萱芸芷蔚苒茹荔莺燕鹂凤麟骥骁钧铮锐锦镇钦铭钊怀慈恩惠悦愉恬惜忆念慕敏捷斌彦晏景晋"
                  u"桐柳槐榕樱桃杏梨棠芙蓉莲荷兰菊梅竹松柏杉桂枝叶茂盛蓬勃涌润泓沛洪浩淳湘漪滢澄清沁汐"
                  u"冉笑言诺尧舜禹汉唐宋明清勋功业荣耀贵富祺祯禄禧福寿喜庆吉祥瑞仪佩珮琳琅瑶琦璐莹晶");
    // Characters that (nearly) never continue a given name: function words, verbs of clinical
    // narrative, body parts, findings, units. A name ends before them.
    nonNameChars.add(
        u"的了在是有与及或因于为被把将从自向对给由经已未无不没也都均仍还又再即则但而且并等们个这那"
        u"其此该本我你他她它之所以来去到至往入出进回行诉述称感觉现见示查体检术后前中内外上下左右侧"
        u"部位处时日月年周天次例项级期型性度量率值症状病疾痛疼肿瘤癌块结节灶像片图血压糖脂尿便液"
        u"细胞蛋素酶抗核酸质物药剂针管腔膜壁腺乳肝肺脑肾胃肠骨肤肌脉淋巴疸热咳痰喘吐泻呕晕乏"
        u"麻规案法式诊断治疗放靶免疫手切除扫描声复随访住院科室医护士员号床区码电话址地市省县镇"
        u"村路街岁男女先姓名签字头颈胸腹腰背腿足眼耳鼻口舌牙喉今昨晨晚夜早午拒要求同意知情签署"
        u"诉称述曾既均约共计每各全半余多少近数第两二三四五六七八九十百千万伴致系属配偶妻夫儿母父"
        u"代替子孙亲戚友陪护理属联系人员工作单位家庭住址电邮箱身份证卡号码院部室门急诊断调整继续停用"
        u"给予口服静滴注射皮下肌注观察评估复查随诊告知谈话签名记录审核报告诊治疗效评价请示汇报"
        u"高低大小长短宽窄厚薄增减升降阴正负常异轻重急慢好转稳定良恶膝肘腕踝髋肩趾臂臀颌额颊唇咽"
        u"癣疹疮疱斑痒酸胀闷悸汗渴饥按据遵嘱予");
    // Given-name characters that also appear above (子, 家, 全) are nameable: nameChars wins, and a
    // name still ends before a cue or a word of notNames.
    // Words that start with a surname (or surname-like) character but are everyday or clinical words.
    // Words that start with a surname (or surname-like) character but are everyday or clinical words.
    notNames =
        WordList(u"高血压 高血糖 高血脂 高热 高危 高龄 高度 高级 高频 高分 高强度 高剂量 高表达 高风险 "
                 u"高倍 高位 高于 白细胞 白蛋白 白色 白斑 白天 白内障 方案 方法 方式 方面 方向 方可 "
                 u"方便 常规 常见 常用 常有 常伴 常于 黄疸 黄色 黄染 黄体 黄斑 关节 关于 关系 关注 "
                 u"关闭 石膏 石化 周身 周期 周围 周边 周后 周内 周前 周左右 于今 于我 于外 于本 于当 "
                 u"于门 于外院 于次 于术 于入 于出 于就 于院 于家 于当地 全身 全麻 全程 全切 全部 "
                 u"全血 全乳 全量 全科 平素 平时 平卧 平扫 平稳 平均 平静 平片 明显 明确 明日 明天 "
                 u"明晨 时间 时有 时感 时常 时好 安静 安全 安排 安慰 成功 成人 成分 成形 成像 程度 "
                 u"双侧 双乳 双肺 双下肢 双上肢 单侧 单发 单纯 单位 单药 单次 单抗 金黄色 金属 江苏 "
                 u"江西 江浙 左侧 左乳 左上 左下 左右 左肺 右侧 向上 向下 向外 向内 向患者 经过 经治 "
                 u"经皮 经验 经期 经常 原发 原因 原则 原位 原有 原来 查体 查房 查见 查血 连续 连接 "
                 u"解释 解剖 解除 支持 支架 支气管 包括 包块 包裹 区域 区别 海绵 花费 信息 信号 利尿 "
                 u"利用 相关 相应 相对 相当 初诊 初次 初步 门诊 云南 国内 国外 国家 计划 计量 强化 "
                 u"强度 强阳性 公斤 乐观 水肿 水平 元素 危险 印象 阴性 阴影 宿主 母亲 阿霉素 阿那曲唑 "
                 u"普通 容易 容量 敬请 孙子 孙女 胡言 毛发 毛细 皮肤 皮疹 皮下 皮质 温度 温和 温热 "
                 u"康复 余下 由于 由此 应用 应该 应答 都是 那么 来院 来诊 来我院 展开 谈话 谈及 任何 "
                 u"任意 任务 杜冷丁 苏醒 甘露醇 华法林 沙利度胺 曲妥珠单抗 帕妥珠 卡培他滨 吉西他滨 "
                 u"多西他赛 紫杉醇 文献 文件 齐全 燕麦 龙胆 桂枝 罗氏 查看 查体 查血 查房 王氏 张力 "
                 u"李氏 潘氏 卢氏 林奇 "
                 u"柯氏 冯氏 巴氏 付费 费用 项目 管理 管腔 管道 夏季 秋季 冬季 春季 游离 游走 简单 "
                 u"简易 车祸 蓝色 路径 施行 施术 尚可 尚未 尚无 符合 宁可 农村 司机 古代 吉林 卫生 "
                 u"宗旨 边缘 边界 麻醉 麻木 迟发 迟缓 官方 封闭 南方 劳累 满意 位置 位于 练习 丰富 "
                 u"宣教 马上 牛奶 易于 易感 易发 曲线 曲度 谷丙 谷草 谷氨酰 尤其 阳性 宫颈 宫腔");

    nameCuesBefore = WordList(
        u"报告 患者 病人 患儿 病患 姓名 病人姓名 患者姓名 受检者 被检者 受试者 家属 配偶 丈夫 妻子 爱人 老伴 "
        u"儿子 "
        u"女儿 之子 之女 之妻 之夫 之母 之父 其子 其女 其夫 其妻 其母 其父 其兄 其姐 其弟 其妹 长子 次子 "
        u"长女 "
        u"次女 母亲 父亲 哥哥 姐姐 弟弟 妹妹 儿媳 女婿 孙子 孙女 联系人 紧急联系人 签名 签字 患者签名 "
        u"家属签名 "
        u"医师签名 医生签名 护士签名 患者签字 家属签字 医师签字 代理人 委托人 被委托人 授权委托人 监护人 "
        u"法定代理人 "
        u"见证人 谈话人 谈话医师 谈话医生 报告医师 报告医生 审核医师 审核医生 审核者 审核人 审核 复核 复核者 "
        u"复核人 记录者 记录人 记录 录入 录入者 书写者 书写人 报告者 报告人 检查者 检查医师 操作者 操作医师 "
        u"诊断医师 诊断医生 初诊医师 送检医师 送检医生 申请医师 申请医生 主刀 主刀医师 主刀医生 术者 手术者 "
        u"手术医师 助手 一助 二助 第一助手 第二助手 麻醉师 麻醉医师 麻醉医生 器械护士 巡回护士 洗手护士 "
        u"物理师 剂量师 技师 放疗技师 主任医师 副主任医师 主治医师 住院医师 主管医师 经治医师 上级医师 "
        u"值班医师 进修医师 规培医师 实习医师 主治医生 住院医生 主管医生 经治医生 上级医生 值班医生 管床医生 "
        u"接诊医生 首诊医生 会诊医生 主诊医生 床位医生 责任医生 医师 医生 主任 副主任 科主任 护士 护士长 "
        u"责任护士 主管护士 值班护士 护师 主管护师 教授 副教授 研究者 主要研究者 协调员 随访者 随访人 "
        u"随访医生 随访护士 陪同 陪同人 陪护 陪护人 申请人 经办人 填表人 评估者 评估人 负责人 收件人 "
        u"联系人姓名 家属姓名 本人 病员 被保险人 投保人 户主 致 尊敬的 批准 批准人 计划批准 核对 核对人 "
        u"核对者 "
        u"执行人 执行者 执行护士 输注护士 核对护士 接诊 接诊人 护送人 转运人 质控医师 质控护士");
    nameLabels = WordList(
        u"报告 姓名 病人姓名 患者姓名 家属姓名 联系人姓名 联系人 紧急联系人 签名 签字 患者签名 家属签名 "
        u"医师签名 "
        u"医生签名 护士签名 患者签字 家属签字 医师签字 代理人 委托人 被委托人 监护人 法定代理人 见证人 "
        u"谈话医师 谈话医生 报告医师 报告医生 审核医师 审核医生 审核者 审核人 审核 复核 复核者 复核人 "
        u"记录者 记录人 记录 录入 录入者 书写者 书写人 报告者 报告人 检查者 检查医师 操作者 操作医师 "
        u"诊断医师 "
        u"诊断医生 送检医师 送检医生 申请医师 申请医生 主刀 术者 手术者 助手 一助 二助 麻醉医师 器械护士 "
        u"巡回护士 物理师 剂量师 技师 主任医师 副主任医师 主治医师 住院医师 主管医师 经治医师 上级医师 "
        u"主诊医生 责任护士 申请人 经办人 填表人 评估者 评估人 负责人 随访者 随访人 随访医生 患者 病人 "
        u"受检者 被检者 配偶 丈夫 妻子 儿子 女儿 母亲 父亲 家属 医师 医生 护士 主任 陪同人 陪护人 批准 "
        u"批准人 "
        u"计划批准 核对 核对人 核对者 执行人 执行者 执行护士 输注护士 核对护士 质控医师 质控护士");
    nameCuesAfter = WordList(
        u"先生 女士 小姐 医生 医师 大夫 主任 护士 护士长 护师 教授 老师 同志 院长 科长 之子 之女 之妻 之夫 "
        u"之母 之父 阿姨 老人 老先生 老太太 女儿 夫妇 家属 本人 签名 签字 患者 病人");
    roleWords = WordList(
        u"主任医师 副主任医师 主治医师 住院医师 主管医师 经治医师 上级医师 值班医师 进修医师 规培医师 "
        u"实习医师 "
        u"主治医生 住院医生 主管医生 经治医生 上级医生 值班医生 管床医生 接诊医生 首诊医生 会诊医生 主诊医生 "
        u"床位医生 责任医生 家庭医生 签约医生 麻醉医生 麻醉医师 手术医生 临床医生 报告医师 审核医师 诊断医师 "
        u"全科医生 全科医师 专科医生 专科医师 外科医生 内科医生 乡村医生 社区医生 实习护士 专科护士 "
        u"送检医师 申请医师 谈话医师 检查医师 操作医师 主刀医师 责任护士 主管护士 值班护士 器械护士 巡回护士 "
        u"主管护师 护士长 科主任 副主任 主任 院长 科长 教授 副教授 患者家属 病人家属 家属 患者本人 本人 "
        u"患者签名 家属签名 医师签名 医生签名 护士签名");
    fieldLabels = WordList(u"性别 年龄 民族 婚姻 婚否 职业 籍贯 出生 出生日期 出生地 科室 科别 病区 床号 "
                           u"住院号 病案号 门诊号 入院 "
                           u"入院日期 出院 出院日期 电话 手机 联系电话 身份证 身份证号 地址 住址 现住址 "
                           u"工作单位 单位 关系 与患者关系 "
                           u"日期 时间 签名 诊断 病理号 检查号 影像号 登记号 费别 医保 血型 主诉");
    recordLabels = WordList(
        u"ID 住院号 住院号码 住院编号 住院病历号 病案号 病案号码 病案编号 病历号 病历号码 病历编号 门诊号 "
        u"门诊号码 "
        u"门诊编号 门诊病历号 急诊号 急诊编号 门急诊号 检查号 检查编号 检查单号 影像号 影像编号 放射号 CT号 "
        u"MR号 "
        u"MRI号 X线号 DR号 超声号 超声编号 心电号 病理号 病理编号 病理检查号 冰冻号 细胞学号 登记号 登记编号 "
        u"ID号 患者ID 病人ID 病员号 患者编号 病人编号 PatientID 就诊号 就诊编号 就诊流水号 流水号 挂号号 "
        u"申请单号 检验号 检验单号 标本号 条码号 报告编号 报告单号 检查流水号 放疗号 放疗编号 治疗号 化疗号 "
        u"随访号 床号 床位号 入组编号 筛选号 受试者编号 检查ID 影像ID 存取号 Accession Accession号 MRN");
    otherIdLabels = WordList(
        u"医保卡号 医保号 医保编号 医疗保险号 社保卡号 社保号 社会保障号 社会保障卡号 新农合号 农合号 "
        u"就诊卡号 "
        u"诊疗卡号 健康卡号 居民健康卡号 护照号 护照号码 护照 军官证号 军官证 港澳通行证 台胞证 驾驶证号 "
        u"微信号 微信 QQ号 QQ 车牌号 工号 学号 档案号 健康档案号 保单号 合同号 发票号 账号 银行账号");
    residentIdLabels =
        WordList(u"身份证号 身份证号码 身份证 公民身份号码 公民身份证号 证件号 证件号码 身份号码");
    phoneLabels = WordList(u"电话 联系电话 电话号码 座机 固话 固定电话 办公电话 家庭电话 单位电话 值班电话 "
                           u"传真 联系方式 Tel TEL "
                           u"tel Phone 电话号");
    addressLabels = WordList(
        u"住址 地址 家庭住址 家庭地址 现住址 现住 现居住地 现居 居住地 居住地址 户籍地址 户籍所在地 户籍地 "
        u"户口所在地 "
        u"户口地址 联系地址 通讯地址 通信地址 工作地址 单位地址 邮寄地址 出生地 家住 住在 居住在 居住于 "
        u"来自 籍贯 送达地址 详细地址 出生于 生于 住于 迁居");

    provinces = WordList(u"北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 "
                         u"湖北 湖南 广东 海南 "
                         u"四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门");
    cities = WordList(
        u"杭州 南京 广州 深圳 成都 武汉 西安 郑州 长沙 济南 青岛 大连 沈阳 哈尔滨 长春 石家庄 太原 合肥 福州 "
        u"厦门 "
        u"南昌 昆明 贵阳 南宁 海口 三亚 兰州 西宁 银川 乌鲁木齐 拉萨 呼和浩特 苏州 无锡 宁波 温州 佛山 东莞 "
        u"珠海 "
        u"汕头 烟台 潍坊 临沂 徐州 常州 南通 扬州 绍兴 嘉兴 金华 台州 湖州 泉州 洛阳 开封 宜昌 襄阳 岳阳 "
        u"株洲 "
        u"湘潭 衡阳 绵阳 宜宾 南充 遵义 柳州 桂林 唐山 保定 邯郸 廊坊 秦皇岛 大同 包头 鞍山 抚顺 齐齐哈尔 "
        u"大庆 "
        u"芜湖 蚌埠 安庆 九江 赣州 淄博 济宁 泰安 威海 日照 德州 聊城 滨州 菏泽 盐城 淮安 连云港 镇江 泰州 "
        u"宿迁 舟山 丽水 衢州 漳州 莆田 龙岩 三明 南平 宁德 惠州 中山 江门 湛江 茂名 肇庆 清远 揭阳 梅州 "
        u"韶关 新乡 南阳 信阳 商丘 周口 驻马店 许昌 平顶山 安阳 焦作 荆州 黄冈 十堰 孝感 常德 郴州 邵阳 "
        u"益阳 永州 怀化 娄底 德阳 乐山 泸州 达州 自贡 攀枝花 曲靖 玉溪 大理 丽江 北海 梧州 玉林 咸阳 宝鸡 "
        u"延安 榆林 汉中 天水 酒泉 吉林 四平 通化 锦州 营口 丹东 本溪 辽阳 盘锦 铁岭 牡丹江 佳木斯 鄂尔多斯 "
        u"赤峰 通辽 克拉玛依 喀什 伊犁 日喀则 张家口 承德 沧州 衡水 邢台 长治 晋城 临汾 运城 阳泉 铜陵 "
        u"马鞍山 "
        u"淮南 阜阳 六安 亳州 宣城 景德镇 萍乡 上饶 抚州 宜春 吉安 鹰潭 东营 枣庄 莱芜 浦东 朝阳 海淀 "
        u"西城 东城 丰台 徐汇 黄浦 静安 长宁 闵行 宝山 嘉定 松江 青浦 奉贤 鼓楼 玄武 秦淮 建邺 西湖 "
        u"上城 拱墅 滨江 萧山 余杭 天河 越秀 海珠 白云 番禺 福田 罗湖 南山 宝安 龙岗 锦江 青羊 武侯 成华 "
        u"江汉 武昌 洪山 雁塔 碑林 莲湖 金水 二七 岳麓 芙蓉 历下 市南 崂山 黄岛");
    addressSuffixes = WordList(
        u"特别行政区 自治区 自治州 自治县 自治旗 省 市 区 县 旗 盟 镇 乡 街道 村 社区 居委会 村委会 组 路 街 "
        u"大街 "
        u"大道 道 巷 弄 胡同 小区 花园 家园 新村 公寓 大厦 苑 号院 号楼 号 栋 幢 楼 单元 室 层 屯 里 广场 园 "
        u"开发区 新区 工业园 产业园");
    strongAddressSuffixes = WordList(u"特别行政区 自治区 自治州 自治县 自治旗 省 市 县 旗 镇 乡 街道 村 社区 "
                                     u"路 街 大街 大道 巷 弄 胡同 小区 "
                                     u"新村 家园 号院 号楼 单元 开发区 新区");
    // Function words and clinical words: an address component never contains them. Characters that
    // occur in place names (成都, 自治区, 和平路, 学院路, 科技路, 回龙观, 体育场路) are not here.
    addressStop.add(
        u"的了在是有与及或因为被把将从给已未无不没也均仍还又再即则但而且并等们个这那其此该我你他她它"
        u"去到至往入出进诉述称感觉现见示查检术患者病诊断疗医痛癌瘤血压糖尿肿块结节岁男女电话手机身份证码"
        u"邮编");
    institutionSuffixes = WordList(
        u"社区卫生服务中心 社区卫生服务站 卫生服务中心 疾病预防控制中心 疾控中心 妇幼保健计划生育服务中心 "
        u"妇幼保健院 妇幼保健所 妇产医院 医学检验实验室 医学检验所 检验中心 体检中心 健康管理中心 医疗中心 "
        u"医学中心 癌症中心 肿瘤中心医院 质子重离子医院 卫生院 卫生室 卫生所 保健院 医院 诊所 门诊部 医务室 "
        u"医科大学 医学院 大学 学院 研究所 研究院 科学院 卫健委 卫生健康委员会 卫生局 中心血站 血站 "
        u"有限公司 公司 集团 中学 小学 学校 幼儿园 分院 院区");
    genericInstitutionPrefixes = WordList(
        u"当地 上级 外 本 我 该 其 此 基层 其他 其它 专科 综合 某 某某 附近 县级 市级 省级 区级 各 各级 多家 "
        u"一家 "
        u"这家 那家 一所 同一 原 前 当 省内 市内 外地 异地 大型 公立 私立 民营 定点 三甲 三级甲等 三级 二甲 "
        u"二级 "
        u"乡镇 社区 县 市 省 区 镇 乡 村 肿瘤 专业 知名 正规 大 小 家 各大 不同 其余 多所 综合性 教学 附属");
    institutionStop.add(
        u"的了在是有与及或因为被把将从自对给由经于已未无不没也都均仍还又再即则但而且并等们个这那"
        u"此该我你他她它所以去到至往入进回行诉述称感觉现见示查术患者就诊住赴转送请曾即已拟");
    departmentSuffixes = WordList(u"科 病区 门诊 病房 中心 护理单元 诊室 治疗室 监护室 实验室 教研室 分部");
    departmentMorphemes = WordList(
        u"乳腺 甲乳 甲状腺 外 内 肿瘤 放疗 放射 化疗 病理 影像 超声 核医学 检验 普 胸 心 麻醉 急诊 妇 产 儿 "
        u"皮肤 "
        u"眼 耳鼻 喉 口腔 中医 中西医 康复 营养 介入 血液 内分泌 消化 呼吸 神经 骨 泌尿 肝胆 胰 头颈 重症 "
        u"ICU "
        u"感染 风湿 免疫 肾 老年 全科 整形 烧伤 疼痛 精神 心理 生殖 医学 特需 专家 日间 结直肠 胃肠 血管 "
        u"健康管理 体检 药 护理 医务 预防保健 放射治疗 质子 临床 输血 病案 信息 综合 保健 干部 VIP 国际 "
        u"东 西 南 北 一 二 三 四 五 六 七 八 九 十");
    departmentStop.add(
        u"的了在是有与及或因为被把将从自向对给由经已未无不没也都均仍还又再即则但而且并等们个这那"
        u"其此该本我你他她它所以去到至往入进回行述称感觉现见示查术后前患者就住赴转送请曾院拟至"
        u"各多");
}

} // namespace mdp::deid::detail
