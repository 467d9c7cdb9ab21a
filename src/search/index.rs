//! What the app's search finds: every setting and feature a subscriber may look for, the
//! words they may type for it (both languages, the colloquial ones included: elderly users
//! call elder mode 长辈版, 关怀版, 关爱版 or 亲情版), and the page that does it.
//!
//! The words are the search's vocabulary, not texts shown to the user, so they live here
//! rather than in `locales/search/`; the titles and descriptions shown are texts.

use super::texts::TextKey;

/// One thing the search can find.
pub struct Entry {
    /// Stable name, for tests and the page's element ids.
    pub id: &'static str,
    pub title: TextKey,
    pub description: TextKey,
    /// Where it is done.
    pub href: &'static str,
    /// What a subscriber may type for it, lower case. The first few are the names people
    /// use for exactly this thing: typing one of them puts it first.
    pub words: &'static [&'static str],
}

/// Entries are the same when their ids are (a list of them in a `Memo` redraws only
/// when what was found changes).
impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// Every entry, most asked-for first (the order of equally good matches).
pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "elder-mode",
        title: |t| t.entry_elder_mode,
        description: |t| t.entry_elder_mode_desc,
        href: "/me/settings",
        words: &[
            "长辈版",
            "关怀版",
            "关爱版",
            "亲情版",
            "长辈模式",
            "老年版",
            "大字版",
            "老人",
            "长辈",
            "大字",
            "elder mode",
            "elder",
            "senior",
            "large text",
            "big text",
        ],
    },
    Entry {
        id: "read-aloud",
        title: |t| t.entry_read_aloud,
        description: |t| t.entry_read_aloud_desc,
        href: "/me/settings",
        words: &[
            "朗读",
            "语音朗读",
            "读给我听",
            "念给我听",
            "语音",
            "read aloud",
            "read to me",
            "speech",
            "voice",
        ],
    },
    Entry {
        id: "points",
        title: |t| t.entry_points,
        description: |t| t.entry_points_desc,
        href: "/mall/points",
        words: &[
            "积分",
            "积分明细",
            "积分余额",
            "积分过期",
            "过期",
            "签到",
            "points",
            "balance",
            "expiring",
            "check in",
        ],
    },
    Entry {
        id: "complaint",
        title: |t| t.entry_complaint,
        description: |t| t.entry_complaint_desc,
        href: "/feedback/new?kind=complaint",
        words: &["投诉", "举报", "不满意", "complaint", "complain"],
    },
    Entry {
        id: "phone-credit",
        title: |t| t.entry_phone_credit,
        description: |t| t.entry_phone_credit_desc,
        href: "/mall?category=phone_credit",
        words: &[
            "话费",
            "充话费",
            "充值",
            "缴费",
            "交话费",
            "phone bill",
            "phone credit",
            "credit",
            "top up",
            "top-up",
            "bill",
        ],
    },
    Entry {
        id: "hotline",
        title: |t| t.entry_hotline,
        description: |t| t.entry_hotline_desc,
        href: "/me/callback",
        words: &[
            "人工",
            "人工客服",
            "客服",
            "回电",
            "客服电话",
            "热线",
            "10000",
            "打电话",
            "预约回电",
            "回拨",
            "call back",
            "callback",
            "hotline",
            "agent",
            "call",
            "customer service",
            "human",
        ],
    },
    Entry {
        id: "family",
        title: |t| t.entry_family,
        description: |t| t.entry_family_desc,
        href: "/me",
        words: &[
            "亲情号",
            "家人",
            "紧急联系人",
            "子女",
            "family",
            "emergency contact",
        ],
    },
    Entry {
        id: "fault",
        title: |t| t.entry_fault,
        description: |t| t.entry_fault_desc,
        href: "/feedback/new?kind=fault_report",
        words: &[
            "故障",
            "报修",
            "故障申报",
            "没信号",
            "信号",
            "网速慢",
            "断网",
            "fault",
            "repair",
            "no signal",
            "signal",
            "outage",
        ],
    },
    Entry {
        id: "enquiry",
        title: |t| t.entry_enquiry,
        description: |t| t.entry_enquiry_desc,
        href: "/feedback/new?kind=enquiry",
        words: &[
            "咨询", "问题", "提问", "enquiry", "inquiry", "question", "ask",
        ],
    },
    Entry {
        id: "suggestion",
        title: |t| t.entry_suggestion,
        description: |t| t.entry_suggestion_desc,
        href: "/feedback/new?kind=suggestion",
        words: &["建议", "意见", "suggestion", "idea", "feedback"],
    },
    Entry {
        id: "tickets",
        title: |t| t.entry_tickets,
        description: |t| t.entry_tickets_desc,
        href: "/feedback",
        words: &[
            "我的反馈",
            "工单",
            "进度",
            "处理进度",
            "反馈",
            "问卷",
            "调查",
            "评价",
            "my tickets",
            "ticket",
            "progress",
            "survey",
            "rating",
        ],
    },
    Entry {
        id: "mall",
        title: |t| t.entry_mall,
        description: |t| t.entry_mall_desc,
        href: "/mall",
        words: &[
            "商城",
            "积分商城",
            "兑换",
            "礼品",
            "流量",
            "会员",
            "mall",
            "exchange",
            "gift",
            "redeem",
            "data",
        ],
    },
    Entry {
        id: "orders",
        title: |t| t.entry_orders,
        description: |t| t.entry_orders_desc,
        href: "/mall/orders",
        words: &[
            "订单",
            "兑换记录",
            "物流",
            "快递",
            "orders",
            "order",
            "delivery",
        ],
    },
    Entry {
        id: "charity",
        title: |t| t.entry_charity,
        description: |t| t.entry_charity_desc,
        href: "/mall?category=charity",
        words: &["公益", "捐赠", "捐积分", "charity", "donate", "donation"],
    },
    Entry {
        id: "community",
        title: |t| t.entry_community,
        description: |t| t.entry_community_desc,
        href: "/community",
        words: &[
            "社区",
            "论坛",
            "帖子",
            "讨论",
            "community",
            "forum",
            "thread",
        ],
    },
    Entry {
        id: "new-thread",
        title: |t| t.entry_new_thread,
        description: |t| t.entry_new_thread_desc,
        href: "/community/new",
        words: &["发帖", "提问题", "new thread", "post"],
    },
    Entry {
        id: "text-size",
        title: |t| t.entry_text_size,
        description: |t| t.entry_text_size_desc,
        href: "/me/settings",
        words: &[
            "字体",
            "字号",
            "字体大小",
            "文字大小",
            "放大",
            "看不清",
            "font",
            "text size",
            "bigger",
        ],
    },
    Entry {
        id: "theme",
        title: |t| t.entry_theme,
        description: |t| t.entry_theme_desc,
        href: "/me/settings",
        words: &[
            "主题",
            "深色",
            "夜间",
            "暗色",
            "高对比度",
            "对比度",
            "theme",
            "dark",
            "night",
            "contrast",
        ],
    },
    Entry {
        id: "language",
        title: |t| t.entry_language,
        description: |t| t.entry_language_desc,
        href: "/me/settings",
        words: &["语言", "英文", "中文", "language", "english", "chinese"],
    },
    Entry {
        id: "tier",
        title: |t| t.entry_tier,
        description: |t| t.entry_tier_desc,
        href: "/me/tier",
        words: &[
            "会员等级",
            "星级",
            "等级",
            "权益",
            "会员权益",
            "几星",
            "升级",
            "价值分",
            "tier",
            "star level",
            "level",
            "benefits",
            "star",
        ],
    },
    Entry {
        id: "privacy",
        title: |t| t.entry_privacy,
        description: |t| t.entry_privacy_desc,
        href: "/me/privacy",
        words: &[
            "隐私",
            "下载数据",
            "注销",
            "隐私中心",
            "注销账号",
            "删除数据",
            "导出数据",
            "个人信息",
            "我的数据",
            "营销",
            "广告",
            "推销",
            "privacy",
            "download my data",
            "delete account",
            "close account",
            "export",
            "my data",
            "marketing",
        ],
    },
    Entry {
        id: "account",
        title: |t| t.entry_account,
        description: |t| t.entry_account_desc,
        href: "/me",
        words: &[
            "我的",
            "账号",
            "资料",
            "退出",
            "退出登录",
            "account",
            "profile",
            "sign out",
            "log out",
        ],
    },
    Entry {
        id: "care-inbox",
        title: |t| t.entry_care_inbox,
        description: |t| t.entry_care_inbox_desc,
        href: "/care",
        words: &[
            "消息",
            "关怀消息",
            "通知",
            "生日礼包",
            "礼包",
            "领取",
            "messages",
            "inbox",
            "notifications",
            "birthday gift",
            "gift",
        ],
    },
    Entry {
        id: "care-preferences",
        title: |t| t.entry_care_preferences,
        description: |t| t.entry_care_preferences_desc,
        href: "/care/preferences",
        words: &[
            "消息设置",
            "免打扰",
            "通知设置",
            "营销",
            "推送",
            "message settings",
            "do not disturb",
            "notification settings",
            "marketing",
        ],
    },
    Entry {
        id: "care-report",
        title: |t| t.entry_care_report,
        description: |t| t.entry_care_report_desc,
        href: "/care/report",
        words: &[
            "服务报告",
            "季度报告",
            "报告",
            "账单回顾",
            "service report",
            "quarterly report",
            "report",
        ],
    },
];

/// How well an entry answers what was typed; `None` when it does not.
fn score(entry: &Entry, query: &str, title: &str) -> Option<u8> {
    let words = entry.words.iter().copied();
    let title = title.to_lowercase();
    if entry.words.iter().take(4).any(|w| *w == query) {
        Some(0)
    } else if words.clone().any(|w| w == query) || title == query {
        Some(1)
    } else if words.clone().any(|w| w.starts_with(query)) || title.starts_with(query) {
        Some(2)
    } else if words.clone().any(|w| w.contains(query)) || title.contains(query) {
        Some(3)
    } else if words.clone().any(|w| query.contains(w)) {
        // 我要投诉 finds the complaint form: a whole known word inside a phrase.
        Some(4)
    } else {
        None
    }
}

/// The entries that answer `typed`, best first (ties in [`ENTRIES`]' order); none for
/// blank input. Case and surrounding space do not matter; `title` gives an entry's title
/// in the user's language, which is searched too.
pub fn find<'a>(typed: &str, title: impl Fn(&Entry) -> &'a str) -> Vec<&'static Entry> {
    let query = typed.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(u8, usize, &'static Entry)> = ENTRIES
        .iter()
        .enumerate()
        .filter_map(|(at, entry)| score(entry, &query, title(entry)).map(|s| (s, at, entry)))
        .collect();
    found.sort_by_key(|&(score, at, _)| (score, at));
    found.into_iter().map(|(_, _, entry)| entry).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Locale, SearchTexts, TextBundle};

    fn ids(typed: &str, locale: Locale) -> Vec<&'static str> {
        let t = SearchTexts::of(locale);
        find(typed, |e| (e.title)(t)).iter().map(|e| e.id).collect()
    }

    #[test]
    fn every_name_of_elder_mode_finds_it_first() {
        for name in [
            "长辈版",
            "关怀版",
            "关爱版",
            "亲情版",
            " 长辈模式 ",
            "Elder mode",
            "senior",
        ] {
            assert_eq!(
                ids(name, Locale::ZhCn).first(),
                Some(&"elder-mode"),
                "{name}"
            );
        }
    }

    #[test]
    fn plain_words_find_their_pages() {
        for (typed, id, href) in [
            ("积分", "points", "/mall/points"),
            ("投诉", "complaint", "/feedback/new?kind=complaint"),
            ("话费", "phone-credit", "/mall?category=phone_credit"),
            ("我要投诉", "complaint", "/feedback/new?kind=complaint"),
            ("亲情号", "family", "/me"),
            ("10000", "hotline", "/me/callback"),
            ("人工", "hotline", "/me/callback"),
            ("回电", "hotline", "/me/callback"),
            ("客服", "hotline", "/me/callback"),
            ("隐私", "privacy", "/me/privacy"),
            ("下载数据", "privacy", "/me/privacy"),
            ("注销", "privacy", "/me/privacy"),
            ("会员等级", "tier", "/me/tier"),
            ("星级", "tier", "/me/tier"),
            ("download my data", "privacy", "/me/privacy"),
            ("star level", "tier", "/me/tier"),
            ("top up", "phone-credit", "/mall?category=phone_credit"),
            ("免打扰", "care-preferences", "/care/preferences"),
            ("生日礼包", "care-inbox", "/care"),
            ("季度报告", "care-report", "/care/report"),
            ("读给我听", "read-aloud", "/me/settings"),
            ("朗读", "read-aloud", "/me/settings"),
        ] {
            let t = SearchTexts::of(Locale::ZhCn);
            let found = find(typed, |e| (e.title)(t));
            assert_eq!(
                found.first().map(|e| (e.id, e.href)),
                Some((id, href)),
                "{typed}"
            );
        }
    }

    #[test]
    fn a_word_shared_by_several_lists_each_best_first() {
        // 积分 is the points page's own name, and part of the mall's 积分商城.
        let found = ids("积分", Locale::ZhCn);
        assert_eq!(found[0], "points");
        assert!(found.contains(&"mall"), "{found:?}");
    }

    #[test]
    fn titles_in_the_users_language_are_searched_too() {
        let t = SearchTexts::of(Locale::En);
        let title = (ENTRIES.iter().find(|e| e.id == "orders").unwrap().title)(t);
        assert_eq!(ids(title, Locale::En).first(), Some(&"orders"));
    }

    #[test]
    fn blank_or_unknown_input_finds_nothing() {
        assert!(ids("   ", Locale::ZhCn).is_empty());
        assert!(ids("量子纠缠", Locale::ZhCn).is_empty());
    }

    #[test]
    fn entries_have_unique_ids_and_lower_case_words() {
        let mut seen = std::collections::HashSet::new();
        for entry in ENTRIES {
            assert!(seen.insert(entry.id), "{} twice", entry.id);
            for word in entry.words {
                assert_eq!(*word, word.to_lowercase(), "{word}");
            }
        }
    }
}
