//! A post's body on screen: nodes built from `markup::parse`'s blocks, each text a text
//! node, so nothing a member typed can become markup. Links open outside the app and tell
//! search engines and the new page nothing about it.

use leptos::prelude::*;

use super::markup::{parse, Block, Inline};

/// `rel` of every link in a post: the author is a member, not us (`ugc`), we vouch for
/// nothing (`nofollow`), and the new page gets no handle back to ours (`noopener`).
pub const LINK_REL: &str = "nofollow ugc noopener";

#[component]
pub fn PostBody(#[prop(into)] source: String) -> impl IntoView {
    view! { <div class="post-body">{parse(&source).into_iter().map(block).collect_view()}</div> }
}

fn block(block: Block) -> AnyView {
    match block {
        Block::Paragraph(line) => view! { <p>{inlines(line)}</p> }.into_any(),
        Block::List {
            ordered: true,
            items,
        } => view! { <ol>{items.into_iter().map(|item| view! { <li>{inlines(item)}</li> }).collect_view()}</ol> }
            .into_any(),
        Block::List {
            ordered: false,
            items,
        } => view! { <ul>{items.into_iter().map(|item| view! { <li>{inlines(item)}</li> }).collect_view()}</ul> }
            .into_any(),
    }
}

fn inlines(line: Vec<Inline>) -> Vec<AnyView> {
    line.into_iter().map(inline).collect()
}

fn inline(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Bold(children) => view! { <strong>{inlines(children)}</strong> }.into_any(),
        Inline::Link { href, text } => {
            // A phone number dials in place; a web page opens beside the app.
            let phone = href
                .get(..4)
                .is_some_and(|s| s.eq_ignore_ascii_case("tel:"));
            let target = (!phone).then_some("_blank");
            view! { <a href=href rel=LINK_REL target=target>{inlines(text)}</a> }.into_any()
        }
        Inline::Break => view! { <br /> }.into_any(),
    }
}
