//! The small markup a post's body takes: paragraphs, **bold**, lists and links, written the
//! way people already type them (Markdown's subset). pulldown-cmark parses it; this module
//! keeps only those four things as plain data, and `markup_view` builds nodes from that
//! data. Nothing here ever becomes HTML: whatever else was typed, `<script>` or an
//! `<img onerror>` included, stays visible text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A block of a post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// One level: an item of a nested list becomes an item of its outer list.
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

/// Text inside a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Bold(Vec<Inline>),
    /// Only with an address [`safe_href`] accepts.
    Link {
        href: String,
        text: Vec<Inline>,
    },
    /// A new line where the author pressed Enter.
    Break,
}

/// The link addresses a post may hold: web pages and phone numbers. Anything else
/// (`javascript:`, `data:`, a relative path) shows as text.
pub fn safe_href(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let web = ["http://", "https://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && url.len() > scheme.len());
    let phone = lower.strip_prefix("tel:").is_some_and(|number| {
        number.chars().any(|c| c.is_ascii_digit())
            && number
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')'))
    });
    (web || phone).then(|| url.to_owned())
}

/// An inline element being built, until its end tag.
enum Open {
    Bold,
    /// A link, when its address is safe; otherwise its text joins the text around it.
    Link(Option<String>),
    /// Emphasis, an image's alt text and the like: the text stays, the markup goes.
    Plain,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// The inline text of the paragraph or list item being read, innermost element last.
    stack: Vec<(Open, Vec<Inline>)>,
    line: Vec<Inline>,
    /// The outermost list being read, and how deep inside lists the reader is.
    list: Option<(bool, Vec<Vec<Inline>>)>,
    list_depth: u32,
}

impl Builder {
    fn push(&mut self, inline: Inline) {
        let target = match self.stack.last_mut() {
            Some((_, children)) => children,
            None => &mut self.line,
        };
        if let (Inline::Text(more), Some(Inline::Text(text))) = (&inline, target.last_mut()) {
            text.push_str(more);
            return;
        }
        target.push(inline);
    }

    fn text(&mut self, text: &str) {
        if !text.is_empty() {
            self.push(Inline::Text(text.to_owned()));
        }
    }

    fn close(&mut self) {
        let Some((open, children)) = self.stack.pop() else {
            return;
        };
        match open {
            Open::Bold if !children.is_empty() => self.push(Inline::Bold(children)),
            Open::Link(Some(href)) if !children.is_empty() => self.push(Inline::Link {
                href,
                text: children,
            }),
            _ => children.into_iter().for_each(|child| self.push(child)),
        }
    }

    /// The end of a paragraph or a list item: what was read joins the block it belongs to.
    fn end_line(&mut self) {
        while !self.stack.is_empty() {
            self.close();
        }
        let mut line = std::mem::take(&mut self.line);
        while matches!(line.last(), Some(Inline::Break)) {
            line.pop();
        }
        if line.is_empty() {
            return;
        }
        match &mut self.list {
            Some((_, items)) => items.push(line),
            None => self.blocks.push(Block::Paragraph(line)),
        }
    }
}

/// Reads a post's body.
pub fn parse(source: &str) -> Vec<Block> {
    let mut b = Builder::default();
    for event in Parser::new_ext(source, Options::empty()) {
        match event {
            Event::Start(Tag::List(start)) => {
                b.end_line();
                if b.list_depth == 0 {
                    b.list = Some((start.is_some(), Vec::new()));
                }
                b.list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                b.end_line();
                b.list_depth = b.list_depth.saturating_sub(1);
                if b.list_depth == 0 {
                    if let Some((ordered, items)) = b.list.take() {
                        if !items.is_empty() {
                            b.blocks.push(Block::List { ordered, items });
                        }
                    }
                }
            }
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) => b.end_line(),
            // Inside a list item, a second paragraph continues the item on a new line.
            Event::Start(Tag::Paragraph) if b.list.is_some() && !b.line.is_empty() => {
                b.push(Inline::Break)
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::BlockQuote(_),
            ) if b.list.is_none() => b.end_line(),
            Event::Start(Tag::Strong) => b.stack.push((Open::Bold, Vec::new())),
            Event::Start(Tag::Link { dest_url, .. }) => {
                b.stack.push((Open::Link(safe_href(&dest_url)), Vec::new()))
            }
            Event::Start(Tag::Emphasis | Tag::Strikethrough | Tag::Image { .. }) => {
                b.stack.push((Open::Plain, Vec::new()))
            }
            Event::End(
                TagEnd::Strong
                | TagEnd::Link
                | TagEnd::Emphasis
                | TagEnd::Strikethrough
                | TagEnd::Image,
            ) => b.close(),
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text)
            | Event::FootnoteReference(text) => b.text(&text),
            // Raw HTML is shown as the characters typed, never interpreted: a block of it
            // line by line, a tag inside a sentence where it was typed.
            Event::Html(text) => {
                b.text(text.trim_end_matches('\n'));
                b.push(Inline::Break);
            }
            Event::InlineHtml(text) => b.text(&text),
            Event::SoftBreak | Event::HardBreak => b.push(Inline::Break),
            _ => {}
        }
    }
    b.end_line();
    b.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn paragraphs_and_lines_stay_as_typed() {
        assert_eq!(
            parse("第一段\n第二行\n\n第二段"),
            vec![
                Block::Paragraph(vec![text("第一段"), Inline::Break, text("第二行")]),
                Block::Paragraph(vec![text("第二段")]),
            ]
        );
    }

    #[test]
    fn bold_lists_and_links() {
        assert_eq!(
            parse("**重启光猫**后再试：\n\n1. 拔电源\n2. 等 30 秒\n\n- 见[帮助](https://example.cn/help)"),
            vec![
                Block::Paragraph(vec![Inline::Bold(vec![text("重启光猫")]), text("后再试：")]),
                Block::List {
                    ordered: true,
                    items: vec![vec![text("拔电源")], vec![text("等 30 秒")]],
                },
                Block::List {
                    ordered: false,
                    items: vec![vec![
                        text("见"),
                        Inline::Link {
                            href: "https://example.cn/help".into(),
                            text: vec![text("帮助")],
                        },
                    ]],
                },
            ]
        );
    }

    #[test]
    fn a_nested_list_joins_its_outer_list() {
        assert_eq!(
            parse("- 套餐\n  - 流量\n  - 通话\n- 宽带"),
            vec![Block::List {
                ordered: false,
                items: vec![
                    vec![text("套餐")],
                    vec![text("流量")],
                    vec![text("通话")],
                    vec![text("宽带")],
                ],
            }]
        );
    }

    #[test]
    fn html_is_shown_as_typed_never_interpreted() {
        for payload in [
            "<img src=x onerror=alert(1)>",
            "<script>alert(1)</script>",
            "<a href=\"javascript:alert(1)\">点我</a>",
        ] {
            let blocks = parse(payload);
            let shown = format!("{blocks:?}");
            assert!(!shown.contains("Link"), "{payload}: {shown}");
            let Block::Paragraph(line) = &blocks[0] else {
                panic!("{payload}: {shown}")
            };
            assert_eq!(line[0], text(payload), "{payload}");
        }
        // Inline HTML inside a sentence, too.
        assert_eq!(
            parse("你好<b onclick=x>世界</b>"),
            vec![Block::Paragraph(vec![text("你好<b onclick=x>世界</b>")])]
        );
    }

    #[test]
    fn only_web_and_phone_links_are_links() {
        for (source, linked) in [
            ("[a](javascript:alert(1))", false),
            ("[a](JavaScript:alert(1))", false),
            ("[a](data:text/html,hi)", false),
            ("[a](vbscript:x)", false),
            ("[a](/relative)", false),
            ("[a](//example.cn)", false),
            ("<javascript:alert(1)>", false),
            ("[a](http://)", false),
            ("[a](tel:javascript)", false),
            ("[a](https://example.cn)", true),
            ("[a](HTTP://example.cn)", true),
            ("<https://example.cn>", true),
            ("[a](tel:10000)", true),
            ("[a](tel:+86-10000)", true),
        ] {
            let shown = format!("{:?}", parse(source));
            assert_eq!(shown.contains("Link"), linked, "{source}: {shown}");
        }
    }

    #[test]
    fn an_unsafe_link_keeps_its_words() {
        assert_eq!(
            parse("看[这里](javascript:void(0))吧"),
            vec![Block::Paragraph(vec![text("看这里吧")])]
        );
    }

    #[test]
    fn other_markup_keeps_its_text() {
        assert_eq!(
            parse("# 标题\n\n*斜体* `代码` ![图](https://x.cn/a.png)"),
            vec![
                Block::Paragraph(vec![text("标题")]),
                Block::Paragraph(vec![text("斜体 代码 图")]),
            ]
        );
    }

    #[test]
    fn empty_and_blank_bodies_have_no_blocks() {
        assert!(parse("").is_empty());
        assert!(parse("  \n\n ").is_empty());
    }
}
